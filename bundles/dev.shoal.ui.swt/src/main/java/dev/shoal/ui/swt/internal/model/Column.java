package dev.shoal.ui.swt.internal.model;

import dev.shoal.support.text.Rates;
import dev.shoal.support.text.Shares;
import dev.shoal.support.text.Sizes;
import dev.shoal.support.text.Spans;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The torrents table's columns: title, width, how a row's cell reads and how rows sort by it. */
public enum Column {
    ID("#", 48, r -> Integer.toString(r.id()), Comparator.comparingInt(TorrentRow::id)),
    NAME("Name", 300, TorrentRow::name, Comparator.comparing(TorrentRow::name, String.CASE_INSENSITIVE_ORDER)),
    SIZE("Size", 80, r -> Sizes.of(r.size()), Comparator.comparingLong(TorrentRow::size)),
    PROGRESS("Progress", 130, r -> Shares.percent(r.progress()), Comparator.comparingDouble(TorrentRow::progress)),
    STATE("State", 105, Column::stateText, Comparator.comparing(r -> r.state().ordinal())),
    DOWN("Down", 85, r -> Rates.of(r.downRate()), Comparator.comparingLong(TorrentRow::downRate)),
    UP("Up", 85, r -> Rates.of(r.upRate()), Comparator.comparingLong(TorrentRow::upRate)),
    // Unknown ETAs sort after every known one: "never" is the longest wait.
    ETA("ETA", 70, Column::etaText,
            Comparator.comparingLong(r -> r.etaSeconds() < 0 ? Long.MAX_VALUE : r.etaSeconds())),
    SEEDS("Seeds", 50, r -> Integer.toString(r.seeds()), Comparator.comparingInt(TorrentRow::seeds)),
    PEERS("Peers", 50, r -> Integer.toString(r.peers()), Comparator.comparingInt(TorrentRow::peers)),
    UPLOADED("Uploaded", 80, r -> Sizes.of(r.uploaded()), Comparator.comparingLong(TorrentRow::uploaded)),
    RATIO("Ratio", 55, r -> Shares.ratio(r.ratio()), Comparator.comparingDouble(TorrentRow::ratio)),
    // Optional: hidden until chosen from the header's menu.
    LABELS("Labels", 120, TorrentRow::labels, Comparator.comparing(TorrentRow::labels, String.CASE_INSENSITIVE_ORDER),
            true),
    ADDED("Added", 130, r -> date(r.addedMillis()), Comparator.comparingLong(TorrentRow::addedMillis), true),
    // Not completed sorts after every completion.
    DONE("Completed", 130, r -> date(r.doneMillis()),
            Comparator.comparingLong(r -> r.doneMillis() == 0 ? Long.MAX_VALUE : r.doneMillis()), true);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final String title;
    private final int width;
    private final Function<TorrentRow, String> cell;
    private final Comparator<TorrentRow> order;
    private final boolean optional;

    Column(String title, int width, Function<TorrentRow, String> cell, Comparator<TorrentRow> order) {
        this(title, width, cell, order, false);
    }

    Column(String title, int width, Function<TorrentRow, String> cell, Comparator<TorrentRow> order,
            boolean optional) {
        this.title = title;
        this.width = width;
        this.cell = cell;
        this.order = order;
        this.optional = optional;
    }

    /** Hidden until chosen, and left out of {@link #lines}. */
    public boolean optional() {
        return optional;
    }

    public String title() {
        return title;
    }

    public int width() {
        return width;
    }

    public String cell(TorrentRow row) {
        return cell.apply(row);
    }

    public Comparator<TorrentRow> order() {
        return order;
    }

    /** Every cell of {@code row}, in column order. */
    public static String[] cells(TorrentRow row) {
        Column[] columns = values();
        String[] cells = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            cells[i] = columns[i].cell(row);
        }
        return cells;
    }

    /**
     * {@code rows} as text: the titles, then a line per row, cells joined by " | " (what
     * {@code ui:rows} prints), the optional columns left out.
     */
    public static List<String> lines(List<TorrentRow> rows) {
        List<String> lines = new ArrayList<>(rows.size() + 1);
        List<Column> shown = Arrays.stream(values()).filter(c -> !c.optional).toList();
        lines.add(String.join(" | ", shown.stream().map(c -> c.title).toList()));
        for (TorrentRow row : rows) {
            lines.add(String.join(" | ", shown.stream().map(c -> c.cell(row)).toList()));
        }
        return lines;
    }

    /** The column titled {@code title} (any case), for the {@code ui:sort} command. */
    public static Column byTitle(String title) {
        for (Column column : values()) {
            if (column.title.equalsIgnoreCase(title) || column.name().equalsIgnoreCase(title)) {
                return column;
            }
        }
        throw new IllegalArgumentException("no column '" + title + "'; columns: #, Name, Size, Progress, State, Down,"
                + " Up, ETA, Seeds, Peers, Uploaded, Ratio, Labels, Added, Completed");
    }

    /** A date in this machine's time zone to the minute; "" for none (0). */
    static String date(long epochMillis) {
        return epochMillis == 0 ? "" : DATE.format(Instant.ofEpochMilli(epochMillis).atZone(ZoneId.systemDefault()));
    }

    private static String stateText(TorrentRow row) {
        String state = row.state().name();
        return state.charAt(0) + state.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String etaText(TorrentRow row) {
        if (row.etaSeconds() >= 0) {
            return Spans.of(Duration.ofSeconds(row.etaSeconds()));
        }
        return row.state() == dev.shoal.engine.api.TorrentState.DOWNLOADING ? "∞" : "";
    }
}
