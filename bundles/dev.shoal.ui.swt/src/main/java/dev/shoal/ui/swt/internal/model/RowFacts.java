package dev.shoal.ui.swt.internal.model;

import dev.shoal.engine.api.TrackerInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the sidebar groups a torrent by, beside its row: its trackers' hosts (each once, in tier
 * order), those of them whose last announce failed, and its labels. Immutable.
 */
public record RowFacts(List<String> hosts, Set<String> failing, List<String> labels) {

    public static final RowFacts NONE = new RowFacts(List.of(), Set.of(), List.of());

    public RowFacts {
        hosts = List.copyOf(hosts);
        failing = Set.copyOf(failing);
        labels = List.copyOf(labels);
    }

    /** The facts of one torrent; {@code hostOf} maps an announce URL to its host (a cache, see {@link Hosts}). */
    public static RowFacts of(List<TrackerInfo> trackers, List<String> labels, Hosts hostOf) {
        Set<String> hosts = new LinkedHashSet<>();
        Set<String> failing = new LinkedHashSet<>();
        for (TrackerInfo tracker : trackers) {
            String host = hostOf.of(tracker.url());
            hosts.add(host);
            // Not working alone is every stopped torrent's tracker; a failure says why.
            if (!tracker.working() && tracker.message().isPresent()) {
                failing.add(host);
            }
        }
        return new RowFacts(new ArrayList<>(hosts), failing, labels);
    }

    /**
     * Announce URL to host, remembered: 10,000 torrents at rest would otherwise parse the same few
     * URLs on every poll. Bounded: forgotten wholesale past {@value #MAX} URLs. One thread only (the poller's).
     */
    public static final class Hosts {

        static final int MAX = 4096;
        private final Map<String, String> known = new HashMap<>();

        public String of(String url) {
            String host = known.get(url);
            if (host == null) {
                if (known.size() >= MAX) {
                    known.clear();
                }
                host = parse(url);
                known.put(url, host);
            }
            return host;
        }

        /** The URL's host in lower case; the URL itself when it has none (a malformed one shows as it is). */
        static String parse(String url) {
            try {
                String host = URI.create(url.strip()).getHost();
                return host == null || host.isEmpty() ? url : host.toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return url;
            }
        }
    }
}
