package dev.shoal.ui.swt.internal.tabs;

import dev.shoal.engine.api.TrackerInfo;
import dev.shoal.support.text.Spans;
import dev.shoal.ui.swt.internal.model.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.eclipse.swt.widgets.Composite;

/** The selected torrent's trackers: tier, whether they answer, when the next announce is, scrape counts. */
public final class TrackersTab extends TableTab {

    public TrackersTab(Composite parent) {
        super(parent, "Trackers", new String[] {"URL", "Tier", "Status", "Next announce", "Seeds", "Leechers", "Peers"},
                new int[] {340, 45, 260, 110, 60, 70, 60});
    }

    @Override
    public void show(Snapshot snapshot) {
        List<String[]> rows = new ArrayList<>();
        Instant now = Instant.now();
        List<TrackerInfo> trackers = snapshot.details().map(d -> d.status().trackers()).orElse(List.of());
        for (TrackerInfo tracker : trackers) {
            rows.add(new String[] {tracker.url(), Integer.toString(tracker.tier()), status(tracker),
                tracker.nextAnnounce().map(at -> countdown(now, at)).orElse(""), count(tracker.seeders()),
                count(tracker.leechers()), Integer.toString(tracker.peers())});
        }
        table.set(rows);
    }

    static String status(TrackerInfo tracker) {
        String state = tracker.working() ? "working" : "failing";
        return tracker.message().map(m -> state + ": " + m).orElse(state);
    }

    /** "in 3m 20s", or "now" once due (the announce is on its way). */
    static String countdown(Instant now, Instant at) {
        Duration left = Duration.between(now, at);
        return left.isNegative() || left.isZero() ? "now" : "in " + Spans.of(left);
    }

    private static String count(OptionalInt value) {
        return value.isPresent() ? Integer.toString(value.getAsInt()) : "";
    }
}
