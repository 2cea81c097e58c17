package dev.shoal.tracker.api;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/** One torrent being announced; obtained from {@link Announcer#open}. */
@ProviderType
public interface AnnounceSession {

    /** The download finished: the next announce (soon, within the tracker's min interval) says {@code completed}, once. */
    void completed();

    /** Announce as soon as the trackers' min interval allows, e.g. when more peers are needed. */
    void announceNow();

    /** Every tracker of the session in tier order, as of now. */
    List<TrackerStatus> status();

    /**
     * Stops announcing without telling the trackers: the torrent goes on and another session takes
     * over (its announcer was replaced, or it listens elsewhere now). A tracker that heard
     * {@code started} hears from that session next, never {@code stopped} in between. Does not block;
     * a later {@link #close()} sends nothing.
     *
     * @since 1.1
     */
    void abandon();

    /**
     * Stops announcing and sends {@code stopped} to the trackers that heard {@code started}. Does
     * not block; the stage completes when those answered or a short timeout passed. Closing twice
     * returns the same stage.
     */
    CompletionStage<Void> close();
}
