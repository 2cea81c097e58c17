package dev.shoal.tracker.api;

import dev.shoal.metainfo.InfoHash;
import java.util.Map;
import java.util.Optional;

/**
 * A tracker's answer to a scrape.
 *
 * @param files the counts per info-hash; a hash the tracker does not know may be absent
 */
public record ScrapeResponse(Map<InfoHash, ScrapeStats> files) {

    public ScrapeResponse {
        files = Map.copyOf(files);
    }

    public Optional<ScrapeStats> stats(InfoHash infoHash) {
        return Optional.ofNullable(files.get(infoHash));
    }
}
