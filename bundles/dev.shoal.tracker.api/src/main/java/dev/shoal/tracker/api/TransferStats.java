package dev.shoal.tracker.api;

/**
 * A torrent's transfer counts at one moment, as announced.
 *
 * @param uploaded   bytes sent since the torrent started
 * @param downloaded bytes received since the torrent started
 * @param left       bytes still missing
 */
public record TransferStats(long uploaded, long downloaded, long left) {

    public TransferStats {
        if (uploaded < 0 || downloaded < 0 || left < 0) {
            throw new IllegalArgumentException("transfer counts must not be negative");
        }
    }
}
