package dev.shoal.tracker.api;

/**
 * A tracker's counts for one torrent.
 *
 * @param complete   seeders
 * @param downloaded how many times a download completed ({@code downloaded}, BEP 48)
 * @param incomplete leechers
 */
public record ScrapeStats(long complete, long downloaded, long incomplete) {

    public ScrapeStats {
        if (complete < 0 || downloaded < 0 || incomplete < 0) {
            throw new IllegalArgumentException("scrape counts must not be negative");
        }
    }
}
