package dev.shoal.ui.swt.internal.window;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.MenuItem;

/** The View menu's check items: the toolbar (and its labels), the sidebar, the status bar, the details pane. */
final class ViewToggles {

    private final MainToolbar toolbar;
    private final SashForm sash;
    private final Sides sides;
    private final Control[] statusBar;
    private boolean toolbarText;

    ViewToggles(MenuBar menus, MainToolbar toolbar, boolean toolbarText, Sides sides, Control table,
            Control... statusBar) {
        this.toolbar = toolbar;
        this.sides = sides;
        this.sash = sides.split();
        this.statusBar = statusBar;
        this.toolbarText = toolbarText;
        menus.toggle("Toolbar", true, on -> shown(on, toolbar.control()));
        menus.toggle("Toolbar text", toolbarText, on -> {
            this.toolbarText = on;
            toolbar.text(on);
        });
        MenuItem sidebar = menus.toggle("Sidebar", sides.sidebarShown(), sides::showSidebar);
        // The filter bar's toggle and the restored layout show or hide it too: the check follows at each opening.
        sidebar.getParent().addListener(SWT.Show, e -> sidebar.setSelection(sides.sidebarShown()));
        menus.toggle("Status bar", true, on -> shown(on, statusBar));
        menus.toggle("Details", true, on -> sash.setMaximizedControl(on ? null : table));
    }

    /** The parts shown now, for {@code ui:state}: "shown=toolbar,toolbar text,sidebar,status bar,details". */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (toolbar.control().getVisible()) {
            parts.add("toolbar");
        }
        if (toolbarText) {
            parts.add("toolbar text");
        }
        if (sides.sidebarShown()) {
            parts.add("sidebar");
        }
        if (statusBar[0].getVisible()) {
            parts.add("status bar");
        }
        if (sash.getMaximizedControl() == null) {
            parts.add("details");
        }
        return "shown=" + String.join(",", parts);
    }

    /** Shows or hides controls of a GridLayout, their space given to the rest. */
    private static void shown(boolean on, Control... controls) {
        for (Control control : controls) {
            ((GridData) control.getLayoutData()).exclude = !on;
            control.setVisible(on);
        }
        controls[0].getParent().layout(true, true);
    }
}
