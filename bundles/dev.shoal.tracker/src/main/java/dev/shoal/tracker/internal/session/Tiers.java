package dev.shoal.tracker.internal.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * BEP 12 tiers: each tier shuffled once at the start, tried in order, and a tracker that answered
 * moved to the front of its own tier.
 */
final class Tiers {

    private final List<List<TrackerEntry>> tiers = new ArrayList<>();

    Tiers(List<List<String>> urls, Random random) {
        for (List<String> tier : urls) {
            List<TrackerEntry> entries = new ArrayList<>();
            for (String url : tier) {
                if (url != null && !url.isBlank() && entries.stream().noneMatch(e -> e.url.equals(url.strip()))) {
                    entries.add(new TrackerEntry(url.strip(), tiers.size()));
                }
            }
            if (!entries.isEmpty()) {
                Collections.shuffle(entries, random);
                tiers.add(entries);
            }
        }
    }

    /** Every tracker, tier after tier, each tier in its current order. */
    List<TrackerEntry> inOrder() {
        List<TrackerEntry> all = new ArrayList<>();
        tiers.forEach(all::addAll);
        return all;
    }

    void promote(TrackerEntry entry) {
        List<TrackerEntry> tier = tiers.get(entry.tier);
        if (tier.remove(entry)) {
            tier.add(0, entry);
        }
    }

    boolean isEmpty() {
        return tiers.isEmpty();
    }
}
