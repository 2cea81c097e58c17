package dev.shoal.tracker.api;

import dev.shoal.metainfo.InfoHash;
import java.util.List;
import java.util.function.Supplier;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Keeps a torrent announced to its trackers. Each {@link AnnounceSession} runs the BEP 12 tiers on
 * its own: it shuffles each tier once, tries the trackers of a tier in order, moves the one that
 * answered to the front of its tier, and falls through to the next tier only when a whole tier
 * failed. It sends {@code started} first, re-announces per the tracker's interval, retries dead
 * trackers with backoff, and never blocks the caller.
 */
@ProviderType
public interface Announcer {

    /**
     * Starts announcing a torrent.
     *
     * @param infoHash the torrent; a v2 hash is truncated to 20 bytes for trackers
     * @param tiers    tracker URLs by tier (the metainfo's {@code announce-list}, or a single tier
     *                 holding {@code announce}); empty tiers and blank URLs are skipped
     * @param self     this client's peer id and listening port
     * @param listener receives peers and status changes; must not block
     * @param stats    asked for the current transfer counts before each announce; must not block
     */
    AnnounceSession open(InfoHash infoHash, List<List<String>> tiers, LocalPeer self, AnnounceListener listener,
            Supplier<TransferStats> stats);
}
