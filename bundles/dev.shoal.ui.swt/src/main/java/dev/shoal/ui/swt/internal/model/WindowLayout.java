package dev.shoal.ui.swt.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * How the user left the main window, kept across restarts: its bounds and whether it was maximized,
 * the sidebar's and the details pane's splits, whether the sidebar shows, and per column its width,
 * place and visibility, and the sort. Columns go by their enum name, so a column added or dropped by
 * a later version leaves the others as they were. Immutable; read from and written to
 * {@link Properties} (a file the user may also delete: then the defaults apply).
 *
 * @param bounds x, y, width, height; empty for the default size, centred
 * @param sideWeights  the sidebar's and the torrents' shares of the width
 * @param splitWeights the table's and the details pane's shares of the height
 * @param widths       column widths by column name
 * @param order        column names in the order shown
 * @param hidden       names of the hidden columns
 */
public record WindowLayout(Optional<List<Integer>> bounds, boolean maximized, List<Integer> sideWeights,
        List<Integer> splitWeights, boolean sidebarShown, Map<String, Integer> widths, List<String> order,
        Set<String> hidden, Column sort, boolean ascending) {

    public static final WindowLayout DEFAULT = new WindowLayout(Optional.empty(), false, List.of(18, 82),
            List.of(58, 42), true, Map.of(), List.of(), Set.of(), ViewState.DEFAULT.sort(), ViewState.DEFAULT.ascending());

    public WindowLayout {
        bounds = bounds.map(List::copyOf);
        sideWeights = List.copyOf(sideWeights);
        splitWeights = List.copyOf(splitWeights);
        widths = Map.copyOf(widths);
        order = List.copyOf(order);
        hidden = Set.copyOf(hidden);
    }

    public Properties toProperties() {
        Properties p = new Properties();
        bounds.ifPresent(b -> p.setProperty("window.bounds", join(b)));
        p.setProperty("window.maximized", Boolean.toString(maximized));
        p.setProperty("sidebar.weights", join(sideWeights));
        p.setProperty("details.weights", join(splitWeights));
        p.setProperty("sidebar.shown", Boolean.toString(sidebarShown));
        widths.forEach((column, width) -> p.setProperty("column." + column + ".width", Integer.toString(width)));
        p.setProperty("columns.order", String.join(",", order));
        p.setProperty("columns.hidden", String.join(",", hidden.stream().sorted().toList()));
        p.setProperty("sort.column", sort.name());
        p.setProperty("sort.ascending", Boolean.toString(ascending));
        return p;
    }

    /**
     * The layout {@code p} holds; what is missing or unreadable in it (a hand edit, an older file)
     * takes the default, piece by piece.
     */
    public static WindowLayout of(Properties p) {
        WindowLayout d = DEFAULT;
        Optional<List<Integer>> bounds = ints(p.getProperty("window.bounds"), 4)
                .filter(b -> b.get(2) > 0 && b.get(3) > 0);
        Map<String, Integer> widths = new LinkedHashMap<>();
        Set<String> known = new LinkedHashSet<>();
        for (Column column : Column.values()) {
            known.add(column.name());
            ints(p.getProperty("column." + column.name() + ".width"), 1).filter(w -> w.get(0) >= 0)
                    .ifPresent(w -> widths.put(column.name(), w.get(0)));
        }
        List<String> order = new ArrayList<>();
        for (String name : names(p.getProperty("columns.order"))) {
            if (known.contains(name) && !order.contains(name)) {
                order.add(name);
            }
        }
        Set<String> hidden = new LinkedHashSet<>();
        for (String name : names(p.getProperty("columns.hidden"))) {
            if (known.contains(name)) {
                hidden.add(name);
            }
        }
        Column sort = d.sort;
        String sortName = p.getProperty("sort.column", "");
        if (known.contains(sortName)) {
            sort = Column.valueOf(sortName);
        }
        return new WindowLayout(bounds, bool(p, "window.maximized", d.maximized),
                ints(p.getProperty("sidebar.weights"), 2).filter(WindowLayout::positive).orElse(d.sideWeights),
                ints(p.getProperty("details.weights"), 2).filter(WindowLayout::positive).orElse(d.splitWeights),
                bool(p, "sidebar.shown", d.sidebarShown), widths, order, hidden, sort,
                bool(p, "sort.ascending", d.ascending));
    }

    /** Every column in the order shown: the saved order, then the columns it does not name, in their own order. */
    public List<Column> columnOrder() {
        List<Column> columns = new ArrayList<>();
        for (String name : order) {
            columns.add(Column.valueOf(name));
        }
        for (Column column : Column.values()) {
            if (!columns.contains(column)) {
                columns.add(column);
            }
        }
        return columns;
    }

    public int width(Column column) {
        return widths.getOrDefault(column.name(), column.width());
    }

    private static boolean positive(List<Integer> weights) {
        return weights.stream().allMatch(w -> w > 0);
    }

    private static boolean bool(Properties p, String key, boolean fallback) {
        String value = p.getProperty(key, "").strip();
        return value.equals("true") || (!value.equals("false") && fallback);
    }

    private static List<String> names(String text) {
        List<String> names = new ArrayList<>();
        if (text != null) {
            for (String name : text.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
        }
        return names;
    }

    private static Optional<List<Integer>> ints(String text, int count) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split(",");
        if (parts.length != count) {
            return Optional.empty();
        }
        List<Integer> values = new ArrayList<>(count);
        try {
            for (String part : parts) {
                values.add(Integer.parseInt(part.strip()));
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(values);
    }

    private static String join(List<Integer> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }
}
