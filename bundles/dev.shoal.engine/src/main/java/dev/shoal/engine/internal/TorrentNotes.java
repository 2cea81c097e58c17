package dev.shoal.engine.internal;

import dev.shoal.engine.api.IdleLimit;
import dev.shoal.engine.api.TorrentDates;
import dev.shoal.engine.api.TorrentState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a torrent notes beside its transfer: its labels, idle limit and edited trackers (chosen), when it completed and
 * was last active, how long it downloaded, and how long it has idled while seeding. Read from any
 * thread; the chosen parts change on the caller's thread, the rest on the engine thread.
 */
final class TorrentNotes {

    private final Clock clock;
    private final Instant added;
    private final SeedClock downloading;
    private volatile List<String> labels;
    private volatile IdleLimit idle;
    private volatile Optional<Instant> done;
    private volatile Optional<Instant> active;
    private volatile Optional<List<List<String>>> trackers;
    private volatile Optional<Instant> edited;
    private volatile Optional<Instant> started = Optional.empty();
    /** In a state that checks, downloads or seeds; engine thread. */
    private boolean running;
    /** Bytes uploaded at the last tick, and when an upload was last seen (or seeding began); engine thread. */
    private long uploadedBefore = -1;
    private Instant uploadSeen;

    /** @param clock read to the millisecond, as the record keeps times */
    TorrentNotes(TorrentRecord record, Clock clock) {
        this.clock = Clock.tick(clock, Duration.ofMillis(1));
        this.added = record.added();
        TorrentRecord.Extras extras = record.extras();
        this.downloading = SeedClock.system(extras.downloading());
        this.labels = extras.labels();
        this.idle = extras.idle();
        this.done = extras.done();
        this.active = extras.active();
        this.trackers = extras.trackers();
        this.edited = extras.edited();
    }

    /** Its edited trackers; empty while they are the torrent file's. */
    Optional<List<List<String>>> trackers() {
        return trackers;
    }

    /** @throws IllegalArgumentException as {@link TrackerTiers#clean} */
    void setTrackers(List<List<String>> tiers) {
        trackers = Optional.of(TrackerTiers.clean(tiers));
        edited = Optional.of(clock.instant());
    }

    Optional<Instant> edited() {
        return edited;
    }

    /** When it last went from stopped or queued to running, in this run of the engine. */
    Optional<Instant> started() {
        return started;
    }

    List<String> labels() {
        return labels;
    }

    void setLabels(List<String> value) {
        labels = Labels.clean(value);
    }

    IdleLimit idle() {
        return idle;
    }

    void setIdle(IdleLimit value) {
        idle = value;
    }

    TorrentDates dates(Duration seeding) {
        return new TorrentDates(added, done, active, downloading.elapsed(), seeding);
    }

    /** After a move of its state: the download clock follows DOWNLOADING; the first SEEDING is when it completed. */
    void moved(TorrentState next) {
        boolean nowRunning = next == TorrentState.CHECKING || next == TorrentState.DOWNLOADING
                || next == TorrentState.SEEDING;
        if (nowRunning && !running) {
            started = Optional.of(clock.instant());
        }
        running = nowRunning;
        if (next == TorrentState.DOWNLOADING) {
            downloading.start();
        } else {
            downloading.stop();
        }
        if (next == TorrentState.SEEDING) {
            uploadSeen = clock.instant();
            if (done.isEmpty()) {
                done = Optional.of(uploadSeen);
            }
        }
    }

    /**
     * Each tick: notes activity (payload moving now) and uploads. True when a seeding torrent has idled
     * past its limit ({@code global} is the engine's default).
     */
    boolean tick(TorrentState state, Transfer.Snapshot transfer, Optional<Duration> global) {
        long downloadRate = transfer.live().downloadRate();
        long uploadRate = transfer.live().uploadRate();
        long uploaded = transfer.total().uploaded();
        Instant now = clock.instant();
        if (downloadRate > 0 || uploadRate > 0) {
            active = Optional.of(now);
        }
        boolean sent = uploadedBefore >= 0 && uploaded > uploadedBefore || uploadRate > 0;
        uploadedBefore = uploaded;
        if (state != TorrentState.SEEDING) {
            return false;
        }
        if (sent || uploadSeen == null) {
            uploadSeen = now;
        }
        Optional<Duration> limit = idle.effective(global);
        return limit.isPresent() && Duration.between(uploadSeen, now).compareTo(limit.get()) >= 0;
    }

    /** What the record keeps of these notes, with the layout's renamed paths. */
    TorrentRecord.Extras extras(List<List<String>> paths) {
        return new TorrentRecord.Extras(done, active, labels, idle, downloading.elapsed(), paths, trackers,
                edited);
    }
}
