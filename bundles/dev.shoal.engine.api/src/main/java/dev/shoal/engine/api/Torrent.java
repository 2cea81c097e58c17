package dev.shoal.engine.api;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.Metainfo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/** One torrent the engine holds. Every method returns at once and is safe from any thread. */
@ProviderType
public interface Torrent {

    /**
     * Its short id: a small number, unique among the engine's torrents and kept across restarts, for
     * people to type. Ids of removed torrents are not given out again soon.
     */
    int id();

    InfoHash infoHash();

    /**
     * The pieces verified now, a copy: bit {@code i} set when piece {@code i} is on disk and checked
     * (a pieces bar; {@link TorrentStatus} has the counts).
     */
    BitSet verifiedPieces();

    /**
     * The torrent's metainfo; empty while a torrent added from a magnet link is still in
     * {@link TorrentState#METADATA} (its name is then the link's {@code dn}, or the info-hash).
     *
     * @since 2.0
     */
    Optional<Metainfo> metainfo();

    Path downloadDirectory();

    /** Where it is now; a fresh snapshot on every call. */
    TorrentStatus status();

    /** Disconnects its peers and stops announcing; the data and what is verified stay. */
    void pause();

    /** Starts a paused, finished or failed torrent again (a failed one is checked first). */
    void resume();

    /** Hashes every piece on disk again; the torrent downloads what fails. */
    CompletionStage<Void> recheck();

    void setSeedGoal(SeedGoal goal);

    SeedGoal seedGoal();

    void setRateLimits(RateLimits limits);

    RateLimits rateLimits();

    /** Its files (padding files left out), with what is verified of each; a fresh snapshot; none before the metadata. */
    List<FileStatus> files();

    /**
     * Downloads the file at {@code index} of {@link #files()} first, normally, or not at all. A torrent
     * whose wanted files are all verified seeds what it has.
     *
     * @throws IndexOutOfBoundsException when there is no such file
     */
    void setFilePriority(int index, FilePriority priority);

    /** The peers connected now; empty while it is not running. */
    List<PeerStatus> peers();

    /** Its place in the engine's queue, from 1; torrents start in this order when slots free. */
    int queuePosition();

    void moveInQueue(QueueMove move);

    /**
     * Puts it at {@code position} in the queue (from 1; beyond the last place is the last place), the
     * others keeping their order.
     *
     * @throws IllegalArgumentException when {@code position} is below 1
     * @since 2.4
     */
    void moveInQueue(int position);

    /**
     * Stops the torrent and forgets it; the downloaded files stay on disk. Completes when the
     * trackers were told (or gave up) and the files are closed.
     */
    CompletionStage<Void> remove();

    /**
     * As {@link #remove()}; with {@code deleteFiles}, then deletes the torrent's files from its download
     * directory, and the folders of the torrent left empty, nothing else. Completes exceptionally when
     * a file could not be deleted (the torrent is removed all the same).
     */
    CompletionStage<Void> remove(boolean deleteFiles);

    /**
     * When it was added, completed and last active, and how long it downloaded and seeded.
     *
     * @since 2.2
     */
    TorrentDates dates();

    /**
     * Its labels, in the order given; none at first. Kept across restarts.
     *
     * @since 2.2
     */
    List<String> labels();

    /**
     * Replaces its labels. Each is trimmed; blanks and repeats are dropped.
     *
     * @throws IllegalArgumentException when a label holds a comma or a control character or is longer
     *                                  than 128 characters, or there are more than 32
     * @throws IllegalStateException    while its metadata is not known yet
     * @since 2.2
     */
    void setLabels(List<String> labels);

    /** @since 2.2 */
    IdleLimit idleLimit();

    /**
     * When it stops seeding for want of uploading.
     *
     * @throws IllegalStateException while its metadata is not known yet
     * @since 2.2
     */
    void setIdleLimit(IdleLimit limit);

    /**
     * Makes {@code directory} its download directory. With {@code moveData}, its files are moved there
     * first (renamed on one file system, copied, compared and deleted across two); without, its data is
     * looked for there (and checked). A running torrent stops its transfers for the move and starts again
     * after it, at the new place. A failure leaves the data and the torrent where they were and fails the
     * stage with an {@link EngineException} saying why.
     *
     * @since 2.2
     */
    CompletionStage<Void> moveTo(Path directory, boolean moveData);

    /**
     * Renames a file or folder of the torrent, on disk too, as Transmission's {@code torrent-rename-path}
     * does: {@code path} is a file's or a folder's path in the torrent ({@code name/sub/file}; the
     * torrent's name alone is its top folder, or its only file), {@code newName} the new last component.
     * The new paths are kept across restarts. Fails the stage with an {@link EngineException} when no
     * such path is in the torrent, the name is not one plain component, or the new path is taken.
     *
     * @since 2.2
     */
    CompletionStage<Void> rename(String path, String newName);

    /**
     * Announces to its trackers as soon as their minimum interval allows; nothing while it is stopped.
     *
     * @since 2.2
     */
    void reannounce();

    /**
     * Its trackers by tier (BEP 12): the torrent file's until {@link #setTrackers} changed them, then
     * those given, kept across restarts.
     *
     * @since 2.4
     */
    List<List<String>> trackers();

    /**
     * Replaces its trackers: each tier a list of announce URLs ({@code http}, {@code https} or
     * {@code udp}), blanks, empty tiers and repeats dropped. A running torrent tells the trackers it
     * leaves that it stopped and announces to the new list.
     *
     * @throws IllegalArgumentException naming the first URL refused and why, or when there are more
     *                                  than 256
     * @throws IllegalStateException    while its metadata is not known yet
     * @since 2.4
     */
    void setTrackers(List<List<String>> tiers);

    /**
     * When its trackers were last changed with {@link #setTrackers}; empty if never.
     *
     * @since 2.4
     */
    Optional<Instant> edited();

    /**
     * When it last started (to check, download or seed) since the engine started; empty while it has
     * not, e.g. kept paused.
     *
     * @since 2.4
     */
    Optional<Instant> started();

    /**
     * The torrent file the engine keeps for it in its data directory; empty while its metadata is not
     * known.
     *
     * @since 2.4
     */
    Optional<Path> torrentFile();
}
