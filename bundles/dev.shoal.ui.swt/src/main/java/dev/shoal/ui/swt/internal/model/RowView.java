package dev.shoal.ui.swt.internal.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Filters and sorts rows as a {@link ViewState} says. Runs on the poller's thread: with 10,000
 * torrents a sort costs a few milliseconds the display thread should not spend.
 */
public final class RowView {

    private RowView() {
    }

    public static List<TorrentRow> apply(List<TorrentRow> rows, ViewState view) {
        return apply(rows, view, Map.of());
    }

    /** As {@link #apply(List, ViewState)}, the view's scope tested against each torrent's {@code facts}. */
    public static List<TorrentRow> apply(List<TorrentRow> rows, ViewState view, Map<Integer, RowFacts> facts) {
        String needle = view.text().strip().toLowerCase(Locale.ROOT);
        List<TorrentRow> shown = new ArrayList<>(rows.size());
        for (TorrentRow row : rows) {
            if (view.filter().test(row) && view.scope().test(facts.get(row.id()))
                    && (needle.isEmpty() || row.name().toLowerCase(Locale.ROOT).contains(needle))) {
                shown.add(row);
            }
        }
        Comparator<TorrentRow> order = view.sort().order();
        if (!view.ascending()) {
            order = order.reversed();
        }
        // Ties keep id order whichever way the column goes, so equal rows do not swap places on every refresh.
        shown.sort(order.thenComparingInt(TorrentRow::id));
        return List.copyOf(shown);
    }
}
