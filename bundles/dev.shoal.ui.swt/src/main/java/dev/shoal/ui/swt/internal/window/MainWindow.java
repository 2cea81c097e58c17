package dev.shoal.ui.swt.internal.window;

import dev.shoal.ui.swt.internal.DispatchTrace;
import dev.shoal.ui.swt.internal.dialogs.AddFlow;
import dev.shoal.ui.swt.internal.dialogs.DropAndPaste;
import dev.shoal.ui.swt.internal.model.Column;
import dev.shoal.ui.swt.internal.model.LayoutFile;
import dev.shoal.ui.swt.internal.model.Snapshot;
import dev.shoal.ui.swt.internal.model.StateFilter;
import dev.shoal.ui.swt.internal.model.TorrentRow;
import dev.shoal.ui.swt.internal.model.ViewState;
import dev.shoal.ui.swt.internal.model.WindowLayout;
import dev.shoal.ui.swt.internal.search.SearchPane;
import dev.shoal.ui.swt.internal.stateicons.StateIcons;
import dev.shoal.ui.swt.internal.tabs.DetailsTab;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.Menu;

/**
 * The main window: toolbar; a Torrents tab (filter bar, sidebar beside the torrents table over the
 * details tabs) and a Search tab; status bar, tray icon. Display thread only; it shows {@link Snapshot}s and tells its {@link WindowHost} what the
 * user wants seen.
 */
public final class MainWindow {

    public static final String TITLE = "Shoal";

    private final Shell shell;
    private final WindowHost host;
    private final Image[] icons;
    private final StateIcons stateIcons;
    private final Sides sides;
    private final LayoutKeeper keeper;
    private final TorrentTable table;
    private final DetailsPane details;
    private final TabFolder views;
    private final TabItem searchTab;
    private final SearchPane search;
    private final StatusBar status;
    private final Actions actions;
    private final MenuBar menus;
    private final MainToolbar toolbar;
    private final ViewToggles parts;
    private final Optional<TrayIcon> tray;
    private final Notices notices;
    private ViewState view = ViewState.DEFAULT;
    private Snapshot last = Snapshot.EMPTY;
    private int selectedId = -1;
    private int selectWhenShown = -1;

    public MainWindow(Display display, Services services, WindowHost host) {
        this.host = host;
        shell = new Shell(display, SWT.SHELL_TRIM);
        ShellTitles.set(shell, TITLE);
        icons = AppIcon.images(display);
        shell.setImages(icons);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.verticalSpacing = 0;
        shell.setLayout(layout);

        views = new TabFolder(shell, SWT.TOP);
        views.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite torrents = new Composite(views, SWT.NONE);
        GridLayout torrentsLayout = new GridLayout(1, false);
        torrentsLayout.marginWidth = 0;
        torrentsLayout.marginHeight = 0;
        torrentsLayout.verticalSpacing = 0;
        torrents.setLayout(torrentsLayout);
        TabItem torrentsTab = new TabItem(views, SWT.NONE);
        torrentsTab.setText("Torrents");
        torrentsTab.setControl(torrents);
        stateIcons = new StateIcons(display);
        sides = new Sides(torrents, stateIcons, edit -> changeView(edit.apply(view)));
        table = new TorrentTable(sides.split(), host.trace(), host.work(), stateIcons,
                column -> changeView(view.clicked(column)), this::selected);
        details = new DetailsPane(sides.split(), services.work(), id -> host.select(selectedId),
                () -> host.settings().speedGraphMinutes());
        String dataDir = services.context() == null ? null : services.context().getProperty("shoal.data.dir");
        keeper = new LayoutKeeper(shell, sides, table.control(),
                Optional.ofNullable(dataDir).map(dir -> new LayoutFile(Path.of(dir))));
        WindowLayout kept = keeper.load();
        Label line = new Label(shell, SWT.SEPARATOR | SWT.HORIZONTAL);
        line.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        status = new StatusBar(shell);
        status.control().setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        AddFlow flow = new AddFlow(shell, services.engine(), services.work());
        // A torrent just added gets selected once the table shows it: the user wants to see it go.
        flow.onAdded(id -> selectWhenShown = id);
        DropAndPaste.install(table.control(), flow);
        DropAndPaste.install(details.control(), flow);
        search = new SearchPane(views, services.search(), services.work(), flow::open);
        searchTab = new TabItem(views, SWT.NONE);
        searchTab.setText("Search");
        searchTab.setControl(search.control());
        actions = new Actions(shell, services, flow, table::selectedIds, table::rows, () -> last, this::nameOf,
                new Actions.Hooks(() -> host.select(selectedId), this::showSearch, this::find, table::selectAll,
                        this::showOrHide, host::quit, icons[icons.length - 1]));
        menus = new MenuBar(shell, actions);
        toolbar = new MainToolbar(shell, actions, host.settings().toolbarText());
        toolbar.control().setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        toolbar.control().moveAbove(views);
        parts = new ViewToggles(menus, toolbar, host.settings().toolbarText(), sides, table.control(), line,
                status.control());
        MenuBar.contextMenu(table.control(), actions);
        actions.tableKeys(table.control());
        table.control().addListener(SWT.Selection, e -> actions.update());

        tray = TrayIcon.create(shell, icons[0], this::raise, actions);
        notices = new Notices(shell, tray);
        shell.addListener(SWT.Close, this::closing);
        // Hidden to the tray or minimized, nobody sees the table: the host stops reading the engine for it.
        shell.addListener(SWT.Hide, e -> host.visible(false));
        shell.addListener(SWT.Iconify, e -> host.visible(false));
        shell.addListener(SWT.Show, e -> host.visible(!shell.getMinimized()));
        shell.addListener(SWT.Deiconify, e -> host.visible(shell.isVisible()));
        keeper.apply(kept);
        changeView(view.sortedBy(kept.sort(), kept.ascending()));
    }

    public void open() {
        shell.open();
    }

    public boolean isDisposed() {
        return shell.isDisposed();
    }

    public Shell shell() {
        return shell;
    }

    /** Shows a new snapshot: table, status bar, the tab on top, the tray's tooltip. */
    public void apply(Snapshot snapshot) {
        last = snapshot;
        DispatchTrace trace = host.trace();
        trace.section("table", () -> table.apply(snapshot.shown(), snapshot.view()));
        trace.section("sidebar", () -> sides.apply(snapshot.sidebar()));
        if (selectWhenShown >= 0 && table.selectOnly(selectWhenShown)) {
            selected(selectWhenShown);
            selectWhenShown = -1;
        }
        trace.section("status bar", () -> status.apply(snapshot));
        trace.section("details", () -> details.apply(snapshot));
        tray.ifPresent(icon -> icon.rates(snapshot.totals()));
        actions.update();
    }

    /** Shows and raises the window (tray click, {@code shoal:open}). */
    public void raise() {
        if (shell.getMinimized()) {
            shell.setMinimized(false);
        }
        shell.setVisible(true);
        shell.forceActive();
    }

    /** The completion and failure notices (balloon or tooltip). */
    public Notices notices() {
        return notices;
    }

    /** The add flow for a file, URL or magnet link, the window raised first. */
    public void open(String fileOrUrlOrMagnet) {
        raise();
        actions.open(fileOrUrlOrMagnet);
    }

    public void dispose() {
        tray.ifPresent(TrayIcon::dispose);
        if (!shell.isDisposed()) {
            keeper.save(view);
            shell.dispose();
        }
        actions.dispose();
        stateIcons.dispose();
        for (Image icon : icons) {
            icon.dispose();
        }
    }

    private void closing(Event event) {
        // Closing never disposes the shell here: either it hides to the tray, or the whole
        // application stops and deactivation disposes the window. GTK always offers a tray, even
        // where none is shown (GNOME without an extension); there a second ./shoal brings the
        // window back (a bare shoal:open).
        event.doit = false;
        if (host.settings().closeToTray() && tray.isPresent()) {
            keeper.save(view);
            shell.setVisible(false);
        } else {
            host.quit();
        }
    }

    private void showSearch() {
        views.setSelection(searchTab);
        search.focus();
    }

    /** Ctrl+F: the Torrents tab, its name filter focused. */
    private void find() {
        views.setSelection(0);
        sides.focusFilter();
    }

    private void showOrHide() {
        show(!shell.isVisible() || shell.getMinimized());
    }

    private void changeView(ViewState newView) {
        view = newView;
        host.view(newView);
    }

    private void selected(int id) {
        if (id != selectedId) {
            selectedId = id;
            host.select(id);
        }
    }

    private String nameOf(int id) {
        for (TorrentRow row : table.rows()) {
            if (row.id() == id) {
                return row.name();
            }
        }
        return "#" + id;
    }

    // The driver's side (ui: commands), display thread only.

    /** Hides the window as closing it to the tray does, or shows it again ({@code ui:window}). */
    public void show(boolean shown) {
        if (shown) {
            raise();
        } else {
            shell.setVisible(false);
        }
    }

    public List<String> state() {
        List<String> lines = new ArrayList<>();
        lines.add("window=" + (shell.isVisible() ? "visible" : "hidden"));
        lines.add("rows=" + table.rows().size() + " total=" + last.total());
        lines.add(view.describe());
        lines.add("selected=" + (selectedId < 0 ? "none" : Integer.toString(selectedId)));
        lines.add("view=" + views.getSelection()[0].getText());
        lines.add("tab=" + details.current().title());
        lines.add("tray=" + tray.map(TrayIcon::tooltip).orElse("none"));
        lines.add("notice=" + notices.last());
        lines.add("selection=" + table.selectedIds().size());
        // No keyboard focus at all while another window is active (or, under Xvfb, none is).
        lines.add("focus=" + (shell.getDisplay().getActiveShell() != shell ? "inactive"
                : sides.filterFocused() ? "filter" : "other"));
        lines.add("launched=" + actions.launched());
        lines.add(parts.describe());
        lines.addAll(status.text());
        return lines;
    }

    /** The status bar's port mapping line and its tooltip, for {@code ui:ports}. */
    public List<String> ports() {
        return status.ports();
    }

    /** The rows the table shows, in its order; immutable, so any thread may format them. */
    public List<TorrentRow> shownRows() {
        return table.rows();
    }

    public void select(int id) {
        if (!table.selectOnly(id)) {
            throw new IllegalArgumentException("no torrent " + id + " in the table (as filtered now)");
        }
        selected(id);
    }

    public void tab(String title) {
        details.select(title);
    }

    public List<String> tabText() {
        DetailsTab tab = details.current();
        return tab.text();
    }

    public void filePriority(String path, String priority) {
        details.files().setPriority(path, priority);
    }

    /** Checks the action applies now; the returned task runs it (posted separately: it may open a dialog). */
    public Runnable press(Action action) {
        if (!actions.enabled(action)) {
            throw new IllegalArgumentException(action.text() + " does not apply now: " + action.tooltip());
        }
        return () -> actions.run(action);
    }

    /** The menu bar, the torrents' context menu, the tray's menu (none without a tray), the toolbar: for the driver. */
    public Menu menuBar() {
        return menus.bar();
    }

    public Menu contextMenu() {
        return table.control().getMenu();
    }

    public Optional<Menu> trayMenu() {
        return tray.map(TrayIcon::menu);
    }

    public ToolBar toolBar() {
        return toolbar.control();
    }

    /** The Search tab, brought to the front: what {@code ui:search} drives. */
    public SearchPane search() {
        showSearch();
        return search;
    }

    /** Brings the Torrents tab to the front. */
    public void showTorrents() {
        views.setSelection(0);
    }

    public void filter(StateFilter filter, String text) {
        sides.filter(filter, text);
    }

    /** The sidebar and the filter bar: the View menu's hooks (show or hide the sidebar, focus the filter). */
    public Sides sides() {
        return sides;
    }

    /** Column widths, visibility and the rest of the layout kept across restarts. */
    public LayoutKeeper layout() {
        return keeper;
    }

    /** The layout as it would be saved now ({@code ui:layout}). */
    public List<String> layoutLines() {
        return keeper.lines(view);
    }

    /** Each row on screen's torrent id and state icon ({@code ui:icons}). */
    public List<String> rowIcons() {
        return table.icons();
    }

    public void sort(Column column, boolean ascending) {
        changeView(view.sortedBy(column, ascending));
    }

    public void scroll(int index) {
        if (index < 0 || index >= table.rows().size()) {
            throw new IllegalArgumentException("no row " + index + ": the table shows " + table.rows().size());
        }
        table.scrollTo(index);
    }
}
