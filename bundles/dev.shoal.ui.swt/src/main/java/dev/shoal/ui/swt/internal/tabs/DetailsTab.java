package dev.shoal.ui.swt.internal.tabs;

import dev.shoal.ui.swt.internal.model.Snapshot;
import java.util.List;
import org.eclipse.swt.widgets.Control;

/** One tab of the details pane. Called on the display thread; {@link #show} only while the tab is on top. */
public interface DetailsTab {

    String title();

    Control control();

    /** Shows the snapshot's selected torrent (or "nothing selected") and, for the graph, its rates. */
    void show(Snapshot snapshot);

    /** What the tab shows, as text lines: "Label: value" pairs or " | "-separated rows (for {@code ui:tabtext}). */
    List<String> text();
}
