package dev.shoal.ui.swt.internal.model;

import java.util.Objects;

/**
 * One line of the sidebar: a state, a tracker host or a label, with how many torrents it holds and,
 * for a tracker, how many of them it failed to answer. Selecting it shows those torrents.
 *
 * @param section which list it is in
 * @param key     what it selects: a {@link StateFilter}'s name, a host ("" for no tracker), a label
 * @param count   torrents it holds
 * @param errors  of those, torrents whose last announce to this host failed (trackers only)
 */
public record SideEntry(Section section, String key, int count, int errors) {

    public enum Section {
        STATES("States"), TRACKERS("Trackers"), LABELS("Labels");

        private final String title;

        Section(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    public SideEntry {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(key, "key");
    }

    /** What the entry shows: "Seeding (3)", "tracker.example (5, 2 failing)", "Trackerless (1)". */
    public String text() {
        String name = switch (section) {
            case STATES -> StateFilter.valueOf(key).label();
            case TRACKERS -> key.isEmpty() ? "Trackerless" : key;
            case LABELS -> key;
        };
        return name + " (" + count + (errors > 0 ? ", " + errors + " failing" : "") + ")";
    }

    /** The state this entry selects: its own for a state, All for the others (they narrow by scope). */
    public StateFilter filter() {
        return section == Section.STATES ? StateFilter.valueOf(key) : StateFilter.ALL;
    }

    public Scope scope() {
        return switch (section) {
            case STATES -> Scope.ANY;
            case TRACKERS -> Scope.tracker(key);
            case LABELS -> Scope.label(key);
        };
    }

    /** Whether the table shows this entry's torrents under {@code filter} and {@code scope}. */
    public boolean selects(StateFilter filter, Scope scope) {
        return filter == filter() && scope.equals(scope());
    }

    /** "trackers/tracker.example" : what the driver names an entry by. */
    public String path() {
        return section.name().toLowerCase(java.util.Locale.ROOT) + "/"
                + (section == Section.STATES ? key.toLowerCase(java.util.Locale.ROOT) : key);
    }
}
