package dev.shoal.ui.swt.internal.window;

import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;

/**
 * The window's menu bar (File, Edit, View, Torrent, Help), the torrents' context menu and the
 * tray's, all made of {@link Actions}' items. Where the platform has an application menu (macOS:
 * {@code Display.getSystemMenu()}), About, Preferences and Quit live there instead, not twice.
 */
final class MenuBar {

    private final Actions actions;
    private final Menu bar;
    private final Menu view;
    private final boolean systemMenu;

    MenuBar(Shell shell, Actions actions) {
        this.actions = actions;
        Menu system = shell.getDisplay().getSystemMenu();
        systemMenu = system != null;
        if (systemMenu) {
            applicationMenu(system);
        }
        bar = new Menu(shell, SWT.BAR);
        shell.setMenuBar(bar);
        Menu file = cascade(bar, "&File");
        add(file, Action.OPEN, Action.URL, Action.CREATE);
        if (!systemMenu) {
            new MenuItem(file, SWT.SEPARATOR);
            add(file, Action.QUIT);
        }
        Menu edit = cascade(bar, "&Edit");
        add(edit, Action.SELECT_ALL, Action.FIND);
        if (!systemMenu) {
            new MenuItem(edit, SWT.SEPARATOR);
            add(edit, Action.PREFERENCES);
        }
        view = cascade(bar, "&View");
        add(view, Action.SEARCH);
        new MenuItem(view, SWT.SEPARATOR);
        Menu torrent = cascade(bar, "&Torrent");
        torrentItems(actions, torrent, true);
        if (!systemMenu) {
            Menu help = cascade(bar, "&Help");
            add(help, Action.ABOUT);
        }
    }

    /**
     * A check item in the View menu: shows or hides a part of the window. The window's parts add
     * theirs here (toolbar, status bar, details pane; the sidebar, where there is one).
     */
    MenuItem toggle(String label, boolean on, Consumer<Boolean> changed) {
        MenuItem item = new MenuItem(view, SWT.CHECK);
        item.setText(label);
        item.setSelection(on);
        item.addListener(SWT.Selection, e -> changed.accept(item.getSelection()));
        return item;
    }

    Menu bar() {
        return bar;
    }

    /** The torrents' context menu on {@code table}: what applies to the rows under the pointer. */
    static Menu contextMenu(Control table, Actions actions) {
        Menu menu = new Menu(table);
        torrentItems(actions, menu, false);
        actions.updateOnShow(menu);
        table.setMenu(menu);
        return menu;
    }

    /** The tray icon's menu. */
    static Menu trayMenu(Shell shell, Actions actions) {
        Menu menu = new Menu(shell, SWT.POP_UP);
        add(actions, menu, false, Action.SHOW_HIDE);
        new MenuItem(menu, SWT.SEPARATOR);
        add(actions, menu, false, Action.PAUSE_ALL, Action.RESUME_ALL, Action.GLOBAL_LIMITS);
        new MenuItem(menu, SWT.SEPARATOR);
        add(actions, menu, false, Action.QUIT);
        return menu;
    }

    /** The Torrent menu's items, which are also the context menu's. */
    private static void torrentItems(Actions actions, Menu menu, boolean accelerators) {
        add(actions, menu, accelerators, Action.START, Action.PAUSE, Action.RECHECK);
        new MenuItem(menu, SWT.SEPARATOR);
        add(actions, menu, accelerators, Action.OPEN_FOLDER, Action.COPY_MAGNET, Action.COPY_HASH, Action.LIMITS);
        new MenuItem(menu, SWT.SEPARATOR);
        queue(actions, menu, accelerators);
        new MenuItem(menu, SWT.SEPARATOR);
        add(actions, menu, accelerators, Action.REMOVE, Action.REMOVE_DATA);
    }

    private static void queue(Actions actions, Menu menu, boolean accelerators) {
        MenuItem item = new MenuItem(menu, SWT.CASCADE);
        item.setText("Queue");
        Menu queue = new Menu(item);
        item.setMenu(queue);
        add(actions, queue, accelerators, Action.QUEUE_TOP, Action.QUEUE_UP, Action.QUEUE_DOWN, Action.QUEUE_BOTTOM);
        actions.updateOnShow(queue);
    }

    private void applicationMenu(Menu system) {
        for (MenuItem item : system.getItems()) {
            Action action = switch (item.getID()) {
                case SWT.ID_ABOUT -> Action.ABOUT;
                case SWT.ID_PREFERENCES -> Action.PREFERENCES;
                case SWT.ID_QUIT -> Action.QUIT;
                default -> null;
            };
            if (action != null) {
                item.setData(action);
                item.addListener(SWT.Selection, e -> actions.run(action));
            }
        }
    }

    private Menu cascade(Menu parent, String text) {
        MenuItem item = new MenuItem(parent, SWT.CASCADE);
        item.setText(text);
        Menu menu = new Menu(item);
        item.setMenu(menu);
        actions.updateOnShow(menu);
        return menu;
    }

    private void add(Menu menu, Action... each) {
        add(actions, menu, true, each);
    }

    private static void add(Actions actions, Menu menu, boolean accelerators, Action... each) {
        for (Action action : each) {
            actions.item(menu, action, accelerators);
        }
    }
}
