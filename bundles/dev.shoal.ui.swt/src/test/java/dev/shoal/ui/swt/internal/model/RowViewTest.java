package dev.shoal.ui.swt.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.engine.api.TorrentState;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RowViewTest {

    private static final List<TorrentRow> MANY = Rows.many(10_000);

    @Test
    void everyColumnSortsTenThousandRowsBothWays() {
        for (Column column : Column.values()) {
            for (boolean ascending : new boolean[] {true, false}) {
                List<TorrentRow> shown = RowView.apply(MANY, ViewState.DEFAULT.sortedBy(column, ascending));
                assertEquals(MANY.size(), shown.size());
                Comparator<TorrentRow> order = ascending ? column.order() : column.order().reversed();
                for (int i = 1; i < shown.size(); i++) {
                    TorrentRow a = shown.get(i - 1);
                    TorrentRow b = shown.get(i);
                    int compared = order.compare(a, b);
                    assertTrue(compared < 0 || (compared == 0 && a.id() < b.id()),
                            column + (ascending ? " asc" : " desc") + " at " + i + ": " + a + " then " + b);
                }
            }
        }
    }

    @Test
    void unknownEtaSortsAfterEveryKnownOne() {
        List<TorrentRow> shown = RowView.apply(MANY, ViewState.DEFAULT.sortedBy(Column.ETA, true));
        int firstUnknown = shown.indexOf(shown.stream().filter(r -> r.etaSeconds() < 0).findFirst().orElseThrow());
        assertTrue(shown.subList(firstUnknown, shown.size()).stream().allMatch(r -> r.etaSeconds() < 0));
        assertTrue(shown.subList(0, firstUnknown).stream().allMatch(r -> r.etaSeconds() >= 0));
    }

    @Test
    void stateFiltersPickTheirRows() {
        for (StateFilter filter : StateFilter.values()) {
            List<TorrentRow> shown = RowView.apply(MANY, ViewState.DEFAULT.withFilter(filter, ""));
            List<TorrentRow> expected = MANY.stream().filter(filter::test).toList();
            assertEquals(expected, shown, filter.name());
            assertTrue(filter == StateFilter.ALL ? shown.size() == MANY.size() : shown.size() < MANY.size(), filter.name());
            assertTrue(!shown.isEmpty(), filter.name());
        }
        assertTrue(RowView.apply(MANY, ViewState.DEFAULT.withFilter(StateFilter.ERROR, "")).stream()
                .allMatch(r -> r.state() == TorrentState.ERROR));
    }

    @Test
    void waitingTorrentsCountAsWhatTheyWaitToDo() {
        TorrentRow queuedIncomplete = Rows.row(1, "a", TorrentState.QUEUED, 0.5);
        TorrentRow checkingComplete = Rows.row(2, "b", TorrentState.CHECKING, 1.0);
        assertTrue(StateFilter.DOWNLOADING.test(queuedIncomplete));
        assertTrue(!StateFilter.SEEDING.test(queuedIncomplete));
        assertTrue(StateFilter.SEEDING.test(checkingComplete));
        assertTrue(!StateFilter.DOWNLOADING.test(checkingComplete));
        assertTrue(StateFilter.SEEDING.test(Rows.row(3, "c", TorrentState.FINISHED, 1.0)));
    }

    @Test
    void nameFilterIsACaseInsensitiveSubstringAndCombinesWithState() {
        List<TorrentRow> shown = RowView.apply(MANY, ViewState.DEFAULT.withFilter(StateFilter.PAUSED, " UBUNTU-0"));
        List<TorrentRow> expected = MANY.stream()
                .filter(r -> r.state() == TorrentState.PAUSED && r.name().toLowerCase(Locale.ROOT).contains("ubuntu-0"))
                .toList();
        assertEquals(expected, shown);
        assertTrue(!shown.isEmpty());
        assertEquals(List.of(), RowView.apply(MANY, ViewState.DEFAULT.withFilter(StateFilter.ALL, "no such name")));
    }

    @Test
    void equalRowsKeepIdOrderEitherWay() {
        List<TorrentRow> rows = List.of(Rows.row(3, "same", TorrentState.PAUSED, 0), Rows.row(1, "same",
                TorrentState.PAUSED, 0), Rows.row(2, "Same", TorrentState.PAUSED, 0));
        for (boolean ascending : new boolean[] {true, false}) {
            assertEquals(List.of(1, 2, 3), RowView.apply(rows, ViewState.DEFAULT.sortedBy(Column.NAME, ascending))
                    .stream().map(TorrentRow::id).collect(Collectors.toList()));
        }
    }

    @Test
    void aHeaderClickSortsAscendingThenReverses() {
        ViewState byName = ViewState.DEFAULT.clicked(Column.NAME);
        assertEquals(new ViewState(StateFilter.ALL, "", Column.NAME, true), byName);
        assertEquals(new ViewState(StateFilter.ALL, "", Column.NAME, false), byName.clicked(Column.NAME));
        assertEquals(new ViewState(StateFilter.ALL, "", Column.NAME, true), byName.clicked(Column.NAME).clicked(Column.NAME));
        assertEquals(new ViewState(StateFilter.ALL, "", Column.SIZE, true), byName.clicked(Column.NAME).clicked(Column.SIZE));
        assertEquals("filter=all text= sort=Name desc", byName.clicked(Column.NAME).describe());
    }

    @Test
    void namesFromTheCommandLine() {
        assertEquals(Column.ID, Column.byTitle("#"));
        assertEquals(Column.ETA, Column.byTitle("eta"));
        assertEquals(Column.UPLOADED, Column.byTitle("Uploaded"));
        assertEquals(StateFilter.SEEDING, StateFilter.parse("Seeding"));
        assertEquals("no column 'Speed'; columns: #, Name, Size, Progress, State, Down, Up, ETA, Seeds, Peers,"
                + " Uploaded, Ratio, Labels, Added, Completed", assertThrows(IllegalArgumentException.class, () -> Column.byTitle("Speed")).getMessage());
        assertEquals("no filter 'stalled': all, downloading, seeding, completed, paused, active, inactive, error",
                assertThrows(IllegalArgumentException.class, () -> StateFilter.parse("stalled")).getMessage());
    }

    @Test
    void cellsReadAsTheTableShowsThem() {
        TorrentRow row = new TorrentRow(7, "debian.iso", 3 * 512 * 1024, 0.4239, TorrentState.DOWNLOADING, 512 * 1024,
                1024, 200, 2, 5, 2048, 0.5, "");
        assertEquals(List.of("7", "debian.iso", "1.5 MiB", "42.3%", "Downloading", "512 KiB/s", "1.0 KiB/s", "3m20s",
                "2", "5", "2.0 KiB", "0.50", "", "", ""), List.of(Column.cells(row)));
        TorrentRow stalled = new TorrentRow(8, "x", 0, 0, TorrentState.DOWNLOADING, 0, 0, -1, 0, 0, 0, 0, "");
        assertEquals("∞", Column.ETA.cell(stalled));
        assertEquals("", Column.ETA.cell(Rows.row(9, "y", TorrentState.PAUSED, 0)));

        long added = java.time.LocalDateTime.of(2026, 3, 4, 5, 6).atZone(java.time.ZoneId.systemDefault())
                .toInstant().toEpochMilli();
        TorrentRow labelled = new TorrentRow(10, "z", 0, 1, TorrentState.SEEDING, 0, 0, -1, 0, 0, 0, 0, "", "tv, hd",
                added, added + 90_000);
        assertEquals("tv, hd", Column.LABELS.cell(labelled));
        assertEquals("2026-03-04 05:06", Column.ADDED.cell(labelled));
        assertEquals("2026-03-04 05:07", Column.DONE.cell(labelled));
        assertTrue(Column.DONE.order().compare(labelled, stalled) < 0, "one not completed sorts last");
        assertEquals(12, Column.lines(List.of(labelled)).get(1).split(" \\| ", -1).length,
                "ui:rows leaves the optional columns out");
    }
}
