package dev.shoal.ui.swt.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sidebar's entries with their counts, counted off the display thread on every poll that found
 * something changed: every state (always shown, 0 included), every tracker host (sorted by name, the
 * torrents without a tracker last), every label (sorted). Immutable and compared by value, so the
 * window touches the sidebar only when a count changed.
 */
public record Sidebar(List<SideEntry> entries) {

    public static final Sidebar EMPTY = count(List.of(), Map.of());

    public Sidebar {
        entries = List.copyOf(entries);
    }

    /** Counts {@code rows} (every torrent, unfiltered) with their {@code facts} by id; a row without facts has none. */
    public static Sidebar count(List<TorrentRow> rows, Map<Integer, RowFacts> facts) {
        StateFilter[] states = StateFilter.values();
        int[] stateCounts = new int[states.length];
        Map<String, int[]> hosts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int trackerless = 0;
        Map<String, int[]> labels = new TreeMap<>();
        for (TorrentRow row : rows) {
            for (StateFilter state : states) {
                if (state.test(row)) {
                    stateCounts[state.ordinal()]++;
                }
            }
            RowFacts of = facts.getOrDefault(row.id(), RowFacts.NONE);
            if (of.hosts().isEmpty()) {
                trackerless++;
            }
            for (String host : of.hosts()) {
                int[] counts = hosts.computeIfAbsent(host, h -> new int[2]);
                counts[0]++;
                counts[1] += of.failing().contains(host) ? 1 : 0;
            }
            for (String label : of.labels()) {
                labels.computeIfAbsent(label, l -> new int[1])[0]++;
            }
        }
        List<SideEntry> entries = new ArrayList<>(states.length + hosts.size() + labels.size() + 1);
        for (StateFilter state : states) {
            entries.add(new SideEntry(SideEntry.Section.STATES, state.name(), stateCounts[state.ordinal()], 0));
        }
        hosts.forEach((host, counts) -> entries.add(new SideEntry(SideEntry.Section.TRACKERS, host, counts[0], counts[1])));
        if (trackerless > 0) {
            entries.add(new SideEntry(SideEntry.Section.TRACKERS, "", trackerless, 0));
        }
        labels.forEach((label, count) -> entries.add(new SideEntry(SideEntry.Section.LABELS, label, count[0], 0)));
        return new Sidebar(entries);
    }

    /** The entries of one section, in order. */
    public List<SideEntry> section(SideEntry.Section section) {
        return entries.stream().filter(e -> e.section() == section).toList();
    }

    /** One line per entry, "states/seeding Seeding (3)", for {@code ui:sidebar}. */
    public List<String> lines() {
        return entries.stream().map(e -> e.path() + " " + e.text()).toList();
    }
}
