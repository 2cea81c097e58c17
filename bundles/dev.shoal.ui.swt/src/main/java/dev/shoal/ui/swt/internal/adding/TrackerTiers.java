package dev.shoal.ui.swt.internal.adding;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The create dialog's trackers field: one announce URL per line, a blank line between tiers (BEP 12). */
public final class TrackerTiers {

    private static final Set<String> SCHEMES = Set.of("http", "https", "udp", "ws", "wss");

    private TrackerTiers() {
    }

    /**
     * The tiers the text holds, none empty.
     *
     * @throws IllegalArgumentException with a one-line reason naming the first line that is not a tracker URL
     */
    public static List<List<String>> parse(String text) {
        List<List<String>> tiers = new ArrayList<>();
        List<String> tier = new ArrayList<>();
        for (String line : text.split("\\R", -1)) {
            String url = line.strip();
            if (url.isEmpty()) {
                if (!tier.isEmpty()) {
                    tiers.add(List.copyOf(tier));
                    tier.clear();
                }
                continue;
            }
            check(url);
            if (!tier.contains(url)) {
                tier.add(url);
            }
        }
        if (!tier.isEmpty()) {
            tiers.add(List.copyOf(tier));
        }
        return tiers;
    }

    private static void check(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!SCHEMES.contains(scheme) || uri.getHost() == null) {
                throw new IllegalArgumentException("not a tracker URL: \"" + url
                        + "\" (expected http, https, udp, ws or wss with a host)");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a tracker URL: \"" + url + "\": " + e.getReason());
        }
    }
}
