package dev.shoal.ui.swt.internal.search;

import dev.shoal.search.api.SearchHit;
import dev.shoal.search.api.SearchResult;
import dev.shoal.support.text.Sizes;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;

/** The search results table's columns: title, width, text and order of each. */
enum HitColumn {
    NAME("Name", 460, hit -> hit.result().title(),
            Comparator.comparing((SearchHit hit) -> hit.result().title().toLowerCase(Locale.ROOT))),
    SIZE("Size", 90, hit -> hit.result().size() < 0 ? "?" : Sizes.of(hit.result().size()),
            Comparator.comparingLong((SearchHit hit) -> hit.result().size()).reversed()),
    SEEDS("Seeds", 60, hit -> count(hit.result().seeders()),
            Comparator.comparingInt((SearchHit hit) -> hit.result().seeders()).reversed()),
    PEERS("Peers", 60, hit -> count(hit.result().leechers()),
            Comparator.comparingInt((SearchHit hit) -> hit.result().leechers()).reversed()),
    DATE("Date", 100, HitColumn::date,
            Comparator.comparing((SearchHit hit) -> hit.result().published(),
                    Comparator.nullsLast(Comparator.reverseOrder()))),
    PROVIDER("Found by", 160, hit -> String.join(", ", hit.providers()),
            Comparator.comparing((SearchHit hit) -> hit.providers().get(0)));

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    private final String title;
    private final int width;
    private final java.util.function.Function<SearchHit, String> text;
    /** The order a first click on the header gives: most seeders, largest, newest first. */
    private final Comparator<SearchHit> order;

    HitColumn(String title, int width, java.util.function.Function<SearchHit, String> text,
            Comparator<SearchHit> order) {
        this.title = title;
        this.width = width;
        this.text = text;
        this.order = order;
    }

    String title() {
        return title;
    }

    int width() {
        return width;
    }

    Comparator<SearchHit> order() {
        return order;
    }

    static String[] cells(SearchHit hit) {
        HitColumn[] columns = values();
        String[] cells = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            cells[i] = columns[i].text.apply(hit);
        }
        return cells;
    }

    private static String count(int count) {
        return count < 0 ? "?" : Integer.toString(count);
    }

    private static String date(SearchHit hit) {
        SearchResult result = hit.result();
        return result.published() == null ? "" : DAY.format(result.published().atZone(ZoneId.systemDefault()));
    }
}
