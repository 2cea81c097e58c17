package dev.shoal.ui.swt.internal.driver;

import dev.shoal.ui.swt.internal.window.Action;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;

/**
 * Finds menu items by their label path ("Torrent/Queue/Top") and tool items by their label, and
 * clicks them as a person does: the menu is "opened" first (its Show event, which sets what is
 * enabled for the selection now), a check item flips, then its Selection event. Display thread only.
 */
final class MenuDriver {

    private MenuDriver() {
    }

    /** The click on the item at {@code path} under {@code menu}, checked to be enabled; posted by the caller. */
    static Runnable menuItem(Menu menu, String path) {
        String[] steps = path.split("/");
        Menu current = menu;
        MenuItem found = null;
        for (int i = 0; i < steps.length; i++) {
            current.notifyListeners(SWT.Show, new Event());
            found = find(current, steps[i], path);
            if (i < steps.length - 1) {
                if (found.getMenu() == null) {
                    throw new IllegalArgumentException("'" + steps[i] + "' in '" + path + "' opens no menu");
                }
                current = found.getMenu();
            }
        }
        if (!found.getEnabled()) {
            throw new IllegalArgumentException("'" + path + "' is disabled");
        }
        MenuItem item = found;
        return () -> {
            if (!item.isDisposed()) {
                if ((item.getStyle() & (SWT.CHECK | SWT.RADIO)) != 0) {
                    item.setSelection(!item.getSelection());
                }
                item.notifyListeners(SWT.Selection, new Event());
            }
        };
    }

    /** Every item under {@code menu} as a path, "(disabled)" or "[x]" where so; each menu opened as a person would. */
    static List<String> menuItems(Menu menu) {
        List<String> lines = new ArrayList<>();
        collect(menu, "", lines);
        return lines;
    }

    /** The click on the tool item labelled (or named as {@code ui:press} names it) {@code label}. */
    static Runnable toolItem(ToolBar bar, String label) {
        for (ToolItem item : bar.getItems()) {
            if (item.getData() instanceof Action action && matches(action, label)) {
                if (!item.getEnabled()) {
                    throw new IllegalArgumentException("'" + label + "' on the toolbar is disabled");
                }
                return () -> {
                    if (!item.isDisposed()) {
                        item.notifyListeners(SWT.Selection, new Event());
                    }
                };
            }
        }
        throw new IllegalArgumentException("no '" + label + "' on the toolbar; it has: " + toolItems(bar));
    }

    /** The toolbar's items: label, "|" for a separator, "(disabled)" where so, and whether it shows an icon. */
    static List<String> toolItems(ToolBar bar) {
        List<String> lines = new ArrayList<>();
        for (ToolItem item : bar.getItems()) {
            if ((item.getStyle() & SWT.SEPARATOR) != 0) {
                lines.add("|");
            } else if (item.getData() instanceof Action action) {
                lines.add(action.text() + (item.getImage() != null ? " [icon]" : "")
                        + (item.getEnabled() ? "" : " (disabled)") + " - " + item.getToolTipText());
            }
        }
        return lines;
    }

    private static void collect(Menu menu, String prefix, List<String> lines) {
        menu.notifyListeners(SWT.Show, new Event());
        for (MenuItem item : menu.getItems()) {
            if ((item.getStyle() & SWT.SEPARATOR) != 0) {
                continue;
            }
            String path = prefix + label(item);
            if (item.getMenu() != null) {
                collect(item.getMenu(), path + "/", lines);
                continue;
            }
            String keys = item.getText().contains("\t") ? " <" + item.getText().split("\t", 2)[1] + ">" : "";
            String check = (item.getStyle() & SWT.CHECK) != 0 ? (item.getSelection() ? " [x]" : " [ ]") : "";
            lines.add(path + keys + check + (item.getEnabled() ? "" : " (disabled)"));
        }
    }

    private static MenuItem find(Menu menu, String step, String path) {
        List<String> there = new ArrayList<>();
        for (MenuItem item : menu.getItems()) {
            if ((item.getStyle() & SWT.SEPARATOR) != 0) {
                continue;
            }
            if (ShellDriver.normal(label(item)).equals(normal(step))) {
                return item;
            }
            there.add(label(item));
        }
        throw new IllegalArgumentException("no '" + step + "' in the menu of '" + path + "'; there are: " + there);
    }

    /** "&Torrent" and "Open torrent…\tCtrl+O" as a person reads them: "Torrent", "Open torrent". */
    private static String label(MenuItem item) {
        return item.getText().split("\t", 2)[0].replace("&", "").replace("…", "");
    }

    private static String normal(String text) {
        return ShellDriver.normal(text.replace("…", "").replace("...", ""));
    }

    private static boolean matches(Action action, String label) {
        String wanted = normal(label);
        return normal(action.text()).equals(wanted) || action.name().equalsIgnoreCase(label.strip());
    }
}
