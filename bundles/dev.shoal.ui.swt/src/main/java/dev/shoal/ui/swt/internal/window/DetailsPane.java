package dev.shoal.ui.swt.internal.window;

import dev.shoal.ui.swt.internal.model.Snapshot;
import dev.shoal.ui.swt.internal.tabs.DetailsTab;
import dev.shoal.ui.swt.internal.tabs.FilesTab;
import dev.shoal.ui.swt.internal.tabs.GeneralTab;
import dev.shoal.ui.swt.internal.tabs.PeersTab;
import dev.shoal.ui.swt.internal.tabs.SpeedTab;
import dev.shoal.ui.swt.internal.tabs.TrackersTab;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Composite;

/** The tabs under the table. Only the tab on top is filled on a refresh; a tab brought up is filled at once. */
final class DetailsPane {

    private final CTabFolder folder;
    private final List<DetailsTab> tabs;
    private final FilesTab files;
    private Snapshot last = Snapshot.EMPTY;

    DetailsPane(Composite parent, Executor work, IntConsumer reread, IntSupplier graphMinutes) {
        folder = new CTabFolder(parent, SWT.BORDER | SWT.TOP);
        files = new FilesTab(folder, work, reread);
        tabs = List.of(new GeneralTab(folder), files, new PeersTab(folder), new TrackersTab(folder),
                new SpeedTab(folder, graphMinutes));
        for (DetailsTab tab : tabs) {
            CTabItem item = new CTabItem(folder, SWT.NONE);
            item.setText(tab.title());
            item.setControl(tab.control());
        }
        folder.setSelection(0);
        folder.addListener(SWT.Selection, e -> current().show(last));
    }

    CTabFolder control() {
        return folder;
    }

    void apply(Snapshot snapshot) {
        last = snapshot;
        current().show(snapshot);
    }

    DetailsTab current() {
        return tabs.get(Math.max(0, folder.getSelectionIndex()));
    }

    FilesTab files() {
        return files;
    }

    /** Brings up the tab titled {@code title} (any case), as a click would. */
    void select(String title) {
        for (int i = 0; i < tabs.size(); i++) {
            if (tabs.get(i).title().equalsIgnoreCase(title)) {
                folder.setSelection(i);
                tabs.get(i).show(last);
                return;
            }
        }
        throw new IllegalArgumentException("no tab '" + title + "': General, Files, Peers, Trackers or Speed");
    }
}
