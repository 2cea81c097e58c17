package dev.shoal.ui.swt.internal.window;

import dev.shoal.engine.api.QueueMove;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.ui.swt.internal.dialogs.AboutDialog;
import dev.shoal.ui.swt.internal.dialogs.AddFlow;
import dev.shoal.ui.swt.internal.dialogs.CreateDialog;
import dev.shoal.ui.swt.internal.dialogs.PreferencesDialog;
import dev.shoal.ui.swt.internal.model.Snapshot;
import dev.shoal.ui.swt.internal.model.TorrentRow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Item;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;

/**
 * The action registry: makes the menu items and tool items of each {@link Action} (label,
 * accelerator, icon, tooltip), keeps them enabled exactly when the action applies to the selection,
 * and runs the action, whichever of them was clicked. Display thread only.
 */
final class Actions {

    /** What actions need of the window itself. */
    record Hooks(Runnable refresh, Runnable showSearch, Runnable find, Runnable selectAll, Runnable showHide,
            Runnable quit, Image appIcon) {
    }

    private final Shell shell;
    private final Services services;
    private final AddFlow flow;
    private final Supplier<List<Integer>> selectedIds;
    private final Supplier<List<TorrentRow>> rows;
    private final Supplier<Snapshot> last;
    private final Hooks hooks;
    private final SelectionActions selection;
    private final ActionIcons icons;
    private final Map<Action, List<Item>> items = new EnumMap<>(Action.class);

    Actions(Shell shell, Services services, AddFlow flow, Supplier<List<Integer>> selectedIds,
            Supplier<List<TorrentRow>> rows, Supplier<Snapshot> last, IntFunction<String> nameOf, Hooks hooks) {
        this.shell = shell;
        this.services = services;
        this.flow = flow;
        this.selectedIds = selectedIds;
        this.rows = rows;
        this.last = last;
        this.hooks = hooks;
        this.selection = new SelectionActions(shell, services, this::selection, nameOf, hooks.refresh());
        this.icons = new ActionIcons(shell.getDisplay());
    }

    /** Runs {@code action} when it applies now (an accelerator may come after the selection changed). */
    void run(Action action) {
        if (!enabled(action)) {
            return;
        }
        switch (action) {
            case OPEN -> flow.chooseFiles();
            case URL -> flow.askForLink();
            case CREATE -> CreateDialog.open(shell, services.creator(), flow, services.work());
            case QUIT -> hooks.quit().run();
            case SELECT_ALL -> hooks.selectAll().run();
            case FIND -> hooks.find().run();
            case PREFERENCES -> PreferencesDialog.open(shell, services.admin(), services.metatype(),
                    services.context(), services.work());
            case SEARCH -> hooks.showSearch().run();
            case START -> selection.each(Torrent::resume, "start");
            case PAUSE -> selection.each(Torrent::pause, "pause");
            case RECHECK -> selection.recheck();
            case REMOVE -> selection.remove(false);
            case REMOVE_DATA -> selection.remove(true);
            case OPEN_FOLDER -> selection.openFolder();
            case COPY_MAGNET -> selection.copyMagnetLinks();
            case COPY_HASH -> selection.copyInfoHashes();
            case LIMITS -> selection.limits();
            case QUEUE_TOP -> selection.queue(QueueMove.TOP);
            case QUEUE_UP -> selection.queue(QueueMove.UP);
            case QUEUE_DOWN -> selection.queue(QueueMove.DOWN);
            case QUEUE_BOTTOM -> selection.queue(QueueMove.BOTTOM);
            case ABOUT -> AboutDialog.open(shell, version(), hooks.appIcon());
            case PAUSE_ALL -> everyTorrent(false);
            case RESUME_ALL -> everyTorrent(true);
            case GLOBAL_LIMITS -> selection.globalLimits();
            case SHOW_HIDE -> hooks.showHide().run();
        }
    }

    /** Whether {@code action} applies to what is selected and shown now. */
    boolean enabled(Action action) {
        return now().applies(action);
    }

    /** How many rows are shown and the selected ones' states: what every action's enablement depends on. */
    private record Now(int shown, List<TorrentState> selected) {

        boolean applies(Action action) {
            return action.applies().test(shown, selected);
        }
    }

    /** Read once per update: with 10,000 rows shown, once per action would be 30 passes over them. */
    private Now now() {
        List<TorrentRow> shown = rows.get();
        Set<Integer> ids = new HashSet<>(selectedIds.get());
        List<TorrentState> states = new ArrayList<>();
        if (!ids.isEmpty()) {
            for (TorrentRow row : shown) {
                if (ids.contains(row.id())) {
                    states.add(row.state());
                }
            }
        }
        return new Now(shown.size(), states);
    }

    /**
     * A menu item for {@code action} in {@code menu}; {@code accelerator} binds its key (the menu
     * bar's items do; a context menu's only show it, a key must not have two owners).
     */
    MenuItem item(Menu menu, Action action, boolean accelerator) {
        MenuItem item = new MenuItem(menu, SWT.PUSH);
        String keys = action.acceleratorText();
        item.setText(action.label() + (keys.isEmpty() ? "" : "\t" + keys));
        if (accelerator && action.accelerator() != 0 && !action.tableKey()) {
            item.setAccelerator(action.accelerator());
        }
        Image icon = icons.of(action);
        if (icon != null) {
            item.setImage(icon);
        }
        item.setData(action);
        item.addListener(SWT.Selection, e -> run(action));
        bind(action, item);
        return item;
    }

    /** A tool item for {@code action}: its icon, its label when {@code text}, the label and key in its tooltip. */
    ToolItem tool(ToolBar bar, Action action, boolean text) {
        ToolItem item = new ToolItem(bar, SWT.PUSH);
        Image icon = icons.of(action);
        item.setImage(icon);
        item.setText(text || icon == null ? action.text() : "");
        String keys = action.acceleratorText();
        item.setToolTipText(action.text() + (keys.isEmpty() ? "" : " (" + keys + ")") + ": " + action.tooltip());
        item.setData(action);
        item.addListener(SWT.Selection, e -> run(action));
        bind(action, item);
        return item;
    }

    /** Del, Shift+Del and Ctrl+A where the torrents have the focus (not in a text box). */
    void tableKeys(Control table) {
        table.addListener(SWT.KeyDown, event -> {
            for (Action action : Action.values()) {
                int key = event.keyCode | (event.stateMask & SWT.MODIFIER_MASK);
                if (action.tableKey() && action.accelerator() == key) {
                    event.doit = false;
                    run(action);
                    return;
                }
            }
        });
    }

    /** Sets every item enabled or not for the selection now; only the ones that change are touched. */
    void update() {
        Now now = now();
        items.forEach((action, list) -> {
            boolean on = now.applies(action);
            list.removeIf(Item::isDisposed);
            for (Item item : list) {
                if (item instanceof MenuItem menuItem && menuItem.getEnabled() != on) {
                    menuItem.setEnabled(on);
                } else if (item instanceof ToolItem toolItem && toolItem.getEnabled() != on) {
                    toolItem.setEnabled(on);
                }
            }
        });
    }

    /** Updates the items of {@code menu} each time it opens. */
    void updateOnShow(Menu menu) {
        menu.addListener(SWT.Show, (Event e) -> update());
    }

    /** The add flow for a file, URL or magnet link ({@code shoal:open}, a second {@code ./shoal X.torrent}). */
    void open(String fileOrUrlOrMagnet) {
        flow.open(fileOrUrlOrMagnet);
    }

    /** The folder Open folder last showed, for {@code ui:state}. */
    String launched() {
        return selection.launched();
    }

    void dispose() {
        icons.dispose();
    }

    private void bind(Action action, Item item) {
        items.computeIfAbsent(action, a -> new ArrayList<>()).add(item);
        if (item instanceof MenuItem menuItem) {
            menuItem.setEnabled(enabled(action));
        } else {
            ((ToolItem) item).setEnabled(enabled(action));
        }
    }

    /** The selected torrents by id, in table order; the ids are the snapshot's, no engine call. */
    private Map<Integer, Torrent> selection() {
        Map<Integer, Torrent> torrents = new LinkedHashMap<>();
        for (int id : selectedIds.get()) {
            Torrent torrent = last.get().handles().get(id);
            if (torrent != null) {
                torrents.put(id, torrent);
            }
        }
        return torrents;
    }

    /** Pauses every torrent, or resumes every paused one: the engine's list, not the (maybe filtered) table's. */
    private void everyTorrent(boolean resume) {
        services.work().execute(() -> selection.all(services.engine().torrents(), torrent -> {
            if (!resume) {
                torrent.pause();
            } else if (torrent.status().state() == TorrentState.PAUSED) {
                torrent.resume();
            }
        }, resume ? "resume" : "pause"));
    }

    private String version() {
        return services.context().getBundle().getVersion().toString();
    }
}
