package dev.shoal.ui.swt.internal.window;

import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;

/**
 * The toolbar: icons with tooltips in groups (adding | start, pause, remove | queue | search |
 * preferences), the labels beside them only when asked for.
 */
final class MainToolbar {

    private static final List<List<Action>> GROUPS = List.of(
            List.of(Action.OPEN, Action.URL, Action.CREATE),
            List.of(Action.START, Action.PAUSE, Action.REMOVE),
            List.of(Action.QUEUE_UP, Action.QUEUE_DOWN),
            List.of(Action.SEARCH),
            List.of(Action.PREFERENCES));

    private final ToolBar bar;

    MainToolbar(Composite parent, Actions actions, boolean text) {
        bar = new ToolBar(parent, SWT.FLAT | SWT.RIGHT | SWT.WRAP);
        for (List<Action> group : GROUPS) {
            if (bar.getItemCount() > 0) {
                new ToolItem(bar, SWT.SEPARATOR);
            }
            for (Action action : group) {
                actions.tool(bar, action, text);
            }
        }
    }

    ToolBar control() {
        return bar;
    }

    /** Shows the labels beside the icons, or the icons alone. */
    void text(boolean shown) {
        for (ToolItem item : bar.getItems()) {
            if (item.getData() instanceof Action action && item.getImage() != null) {
                item.setText(shown ? action.text() : "");
            }
        }
        bar.pack();
        bar.getParent().layout(true, true);
    }
}
