package dev.shoal.engine.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The rules for a torrent's edited trackers ({@code Torrent.setTrackers}); a refusal's reason in one line. */
final class TrackerTiers {

    /** Most trackers on one torrent. */
    static final int MAX_COUNT = 256;
    /** Most characters in one announce URL. */
    static final int MAX_LENGTH = 2048;

    private static final Set<String> SCHEMES = Set.of("http", "https", "udp");

    private TrackerTiers() {
    }

    /**
     * The tiers as kept: URLs trimmed, blanks, repeats (in any tier) and empty tiers dropped, in order.
     *
     * @throws IllegalArgumentException naming the first URL refused, and why
     */
    static List<List<String>> clean(List<List<String>> tiers) {
        Set<String> seen = new HashSet<>();
        List<List<String>> kept = new ArrayList<>();
        for (List<String> tier : tiers) {
            List<String> urls = new ArrayList<>();
            for (String url : tier) {
                String trimmed = url == null ? "" : url.strip();
                if (!trimmed.isEmpty() && seen.add(checked(trimmed))) {
                    urls.add(trimmed);
                }
            }
            if (!urls.isEmpty()) {
                kept.add(List.copyOf(urls));
            }
        }
        if (seen.size() > MAX_COUNT) {
            throw new IllegalArgumentException("a torrent has at most " + MAX_COUNT + " trackers, not " + seen.size());
        }
        return List.copyOf(kept);
    }

    private static String checked(String url) {
        if (url.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("an announce URL has at most " + MAX_LENGTH + " characters: "
                    + url.substring(0, 40) + "...");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!SCHEMES.contains(scheme)) {
                throw new IllegalArgumentException("not an http, https or udp announce URL: " + url);
            }
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("an announce URL names a host: " + url);
            }
            return url;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an announce URL: " + url + " (" + e.getReason() + ")");
        }
    }
}
