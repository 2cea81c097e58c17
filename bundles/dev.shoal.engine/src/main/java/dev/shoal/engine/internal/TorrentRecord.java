package dev.shoal.engine.internal;

import dev.shoal.engine.api.FilePriority;
import dev.shoal.engine.api.IdleLimit;
import dev.shoal.engine.api.RateLimits;
import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.storage.api.PieceSet;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the engine keeps of one torrent across restarts, beside its .torrent file. The storage's resume
 * data stays the authority on what is on disk; {@code verified} is only what the engine last saw, so a
 * stopped torrent shows its progress without opening its files.
 *
 * @param id                its short id
 * @param infoHash          the torrent
 * @param downloadDirectory where its files are
 * @param state             {@link TorrentState#PAUSED}, {@link TorrentState#FINISHED} or
 *                          {@link TorrentState#ERROR} when stopped, {@link TorrentState#QUEUED} when it
 *                          wants to run (it starts again when a slot is free)
 * @param error             why it failed, in {@link TorrentState#ERROR}
 * @param seedGoal          its seed goal
 * @param rateLimits        its own limits
 * @param priorities        one per file, padding files left out
 * @param verified          the pieces verified when it was saved
 * @param transfer          bytes moved since it was added
 * @param seeding           time spent seeding
 * @param added             when it was added
 * @param magnet            the link it was added from while its metadata is not known yet (no pieces,
 *                          no files then); empty once the engine keeps its torrent file
 * @param extras            its labels, idle limit, dates and renamed paths
 */
record TorrentRecord(int id, InfoHash infoHash, Path downloadDirectory, TorrentState state, Optional<String> error,
        SeedGoal seedGoal, RateLimits rateLimits, List<FilePriority> priorities, PieceSet verified,
        Transfer.Counts transfer, Duration seeding, Instant added, Optional<MagnetLink> magnet, Extras extras) {

    /**
     * What a torrent keeps beside its transfer (records written before these existed have none).
     *
     * @param done        when it first completed
     * @param active      when payload last moved
     * @param labels      its labels
     * @param idle        its idle seeding limit
     * @param downloading time spent downloading
     * @param paths       its files' paths after renames, one per file (padding included); empty when none was
     *                    renamed
     * @param trackers    its trackers by tier once edited; empty while they are the torrent file's
     * @param edited      when its trackers were last edited
     */
    record Extras(Optional<Instant> done, Optional<Instant> active, List<String> labels, IdleLimit idle,
            Duration downloading, List<List<String>> paths, Optional<List<List<String>>> trackers,
            Optional<Instant> edited) {

        static final Extras NONE = new Extras(Optional.empty(), Optional.empty(), List.of(), IdleLimit.GLOBAL,
                Duration.ZERO, List.of(), Optional.empty(), Optional.empty());

        Extras {
            Objects.requireNonNull(done, "done");
            Objects.requireNonNull(active, "active");
            labels = List.copyOf(labels);
            Objects.requireNonNull(idle, "idle");
            if (downloading.isNegative()) {
                throw new IllegalArgumentException("counters must not be negative");
            }
            paths = paths.stream().map(List::copyOf).toList();
            trackers = trackers.map(tiers -> tiers.stream().map(List::copyOf).toList());
            Objects.requireNonNull(edited, "edited");
        }
    }

    /** A record with no extras yet (a new torrent, a magnet's). */
    TorrentRecord(int id, InfoHash infoHash, Path downloadDirectory, TorrentState state, Optional<String> error,
            SeedGoal seedGoal, RateLimits rateLimits, List<FilePriority> priorities, PieceSet verified,
            Transfer.Counts transfer, Duration seeding, Instant added, Optional<MagnetLink> magnet) {
        this(id, infoHash, downloadDirectory, state, error, seedGoal, rateLimits, priorities, verified, transfer,
                seeding, added, magnet, Extras.NONE);
    }

    /** The states a torrent is restored in. */
    static final Set<TorrentState> RESTORED_STATES = EnumSet.of(TorrentState.PAUSED, TorrentState.FINISHED,
            TorrentState.ERROR, TorrentState.QUEUED);

    TorrentRecord {
        if (id <= 0) {
            throw new IllegalArgumentException("a torrent id is positive: " + id);
        }
        Objects.requireNonNull(infoHash, "infoHash");
        Objects.requireNonNull(downloadDirectory, "downloadDirectory");
        if (!RESTORED_STATES.contains(state)) {
            throw new IllegalArgumentException("a torrent is not kept as " + state);
        }
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(seedGoal, "seedGoal");
        Objects.requireNonNull(rateLimits, "rateLimits");
        priorities = List.copyOf(priorities);
        Objects.requireNonNull(verified, "verified");
        Objects.requireNonNull(transfer, "transfer");
        if (transfer.downloaded() < 0 || transfer.uploaded() < 0 || transfer.wasted() < 0 || seeding.isNegative()) {
            throw new IllegalArgumentException("counters must not be negative");
        }
        Objects.requireNonNull(added, "added");
        Objects.requireNonNull(magnet, "magnet");
        Objects.requireNonNull(extras, "extras");
    }

    /** The state a torrent in {@code now} is kept as: stopped states as they are, any other as wanting to run. */
    static TorrentState keptAs(TorrentState now) {
        return RESTORED_STATES.contains(now) ? now : TorrentState.QUEUED;
    }
}
