package dev.shoal.ui.swt.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.api.TrackerInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sidebar's counts, and the table as each entry filters it: pure model, no display. */
class SidebarTest {

    private final RowFacts.Hosts hosts = new RowFacts.Hosts();

    private static TorrentRow row(int id, TorrentState state, double progress, long down, long up) {
        return new TorrentRow(id, "t" + id, 1000, progress, state, down, up, -1, 0, 1, 0, 0, "");
    }

    private RowFacts facts(List<String> labels, TrackerInfo... trackers) {
        return RowFacts.of(List.of(trackers), labels, hosts);
    }

    private static TrackerInfo ok(String url) {
        return new TrackerInfo(url, true, Optional.empty(), 5);
    }

    private static TrackerInfo failing(String url) {
        return new TrackerInfo(url, false, Optional.of("connection refused"), 0);
    }

    private final List<TorrentRow> rows = List.of(
            row(1, TorrentState.DOWNLOADING, 0.3, 5000, 0),
            row(2, TorrentState.SEEDING, 1, 0, 800),
            row(3, TorrentState.PAUSED, 0.5, 0, 0),
            row(4, TorrentState.FINISHED, 1, 0, 0),
            row(5, TorrentState.ERROR, 0.1, 0, 0),
            row(6, TorrentState.QUEUED, 1, 0, 0),
            row(7, TorrentState.METADATA, 0, 0, 0));

    private final Map<Integer, RowFacts> facts = Map.of(
            1, facts(List.of("linux"), ok("http://Tracker.Example:6969/announce"), ok("udp://open.example:1337")),
            2, facts(List.of("linux", "iso"), failing("http://tracker.example/announce")),
            3, facts(List.of(), failing("udp://tracker.example:80"), failing("http://tracker.example:6969/announce")),
            5, facts(List.of("iso"), new TrackerInfo("http://stopped.example/a", false, Optional.empty(), 0)));

    @Test
    void everyStateIsCounted() {
        Sidebar sidebar = Sidebar.count(rows, facts);
        assertEquals(List.of(
                "states/all All (7)",
                "states/downloading Downloading (2)",
                "states/seeding Seeding (3)",
                "states/completed Completed (3)",
                "states/paused Paused (1)",
                "states/active Active (2)",
                "states/inactive Inactive (5)",
                "states/error Error (1)"), sidebar.lines().subList(0, StateFilter.values().length));
    }

    @Test
    void trackersByHostWithTheirFailuresThenLabels() {
        Sidebar sidebar = Sidebar.count(rows, facts);
        assertEquals(List.of(
                "trackers/open.example open.example (1)",
                "trackers/stopped.example stopped.example (1)",
                "trackers/tracker.example tracker.example (3, 2 failing)",
                "trackers/ Trackerless (3)",
                "labels/iso iso (2)",
                "labels/linux linux (2)"), sidebar.lines().subList(StateFilter.values().length, sidebar.lines().size()));
    }

    @Test
    void noLabelsNoLabelSection() {
        Sidebar sidebar = Sidebar.count(rows, Map.of());
        assertTrue(sidebar.section(SideEntry.Section.LABELS).isEmpty());
        assertEquals(List.of("trackers/ Trackerless (7)"),
                sidebar.section(SideEntry.Section.TRACKERS).stream().map(e -> e.path() + " " + e.text()).toList());
    }

    @Test
    void eachEntryShowsAsManyRowsAsItCounts() {
        for (SideEntry entry : Sidebar.count(rows, facts).entries()) {
            ViewState view = ViewState.DEFAULT.withSide(entry.filter(), entry.scope());
            List<TorrentRow> shown = RowView.apply(rows, view, facts);
            assertEquals(entry.count(), shown.size(), entry::path);
            assertTrue(entry.selects(view.filter(), view.scope()), entry::path);
        }
    }

    @Test
    void theSameTorrentsCountTheSame() {
        assertEquals(Sidebar.count(rows, facts), Sidebar.count(List.copyOf(rows), Map.copyOf(facts)),
                "compared by value: the window is told only of a change");
    }

    @Test
    void aUrlWithoutHostShowsAsItIs() {
        assertEquals("not a url", RowFacts.Hosts.parse("not a url"));
        assertEquals("dht.example", RowFacts.Hosts.parse("udp://DHT.example:6881"));
    }
}
