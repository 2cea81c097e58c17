package dev.shoal.ui.swt.internal.window;

import dev.shoal.engine.api.TorrentState;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import org.eclipse.swt.SWT;

/**
 * Everything a person can ask of the window from a menu, the toolbar, a context menu or the tray: its
 * label, tooltip, accelerator, icon and when it applies. The menu bar, the toolbar and the context
 * menus are all built from these, so they cannot disagree; {@link Actions} runs them.
 */
public enum Action {
    OPEN("Open torrent…", "Add .torrent files", SWT.MOD1 | 'O', "document-open", Applies.ALWAYS),
    URL("Add link…", "Add a magnet link or a torrent's http(s) URL", SWT.MOD1 | 'U', "insert-link", Applies.ALWAYS),
    CREATE("Create torrent…", "Make a .torrent from a file or folder", SWT.MOD1 | 'N', "document-new",
            Applies.ALWAYS),
    QUIT("Quit", "Stop Shoal: the window and every torrent", SWT.MOD1 | 'Q', "application-exit", Applies.ALWAYS),
    SELECT_ALL("Select all", "Select every torrent shown", SWT.MOD1 | 'A', "edit-select-all", Applies.ROWS),
    FIND("Find", "Filter the torrents by name", SWT.MOD1 | 'F', "edit-find", Applies.ALWAYS),
    PREFERENCES("Preferences…", "Settings of the engine and of this window", SWT.MOD1 | ',', "preferences-system",
            Applies.ALWAYS),
    SEARCH("Search", "Search for torrents through the search providers", 0, "system-search", Applies.ALWAYS),
    START("Start", "Start (resume) the selected torrents", 0, "media-playback-start", Applies.STARTABLE),
    PAUSE("Pause", "Pause the selected torrents", 0, "media-playback-pause", Applies.PAUSABLE),
    RECHECK("Recheck", "Check the selected torrents' data on disk again", 0, "view-refresh", Applies.SELECTION),
    REMOVE("Remove", "Remove the selected torrents, keeping their files", SWT.DEL, "list-remove", Applies.SELECTION),
    REMOVE_DATA("Remove with data", "Remove the selected torrents and delete their files", SWT.MOD2 | SWT.DEL,
            "user-trash", Applies.SELECTION),
    OPEN_FOLDER("Open folder", "Open the folder the torrent's files are in", 0, "folder-open", Applies.ONE),
    COPY_MAGNET("Copy magnet link", "Copy the selected torrents' magnet links", 0, "insert-link", Applies.SELECTION),
    COPY_HASH("Copy info-hash", "Copy the selected torrents' info-hashes", 0, "edit-copy", Applies.SELECTION),
    LIMITS("Limits…", "Download and upload limits of this torrent", 0, null, Applies.ONE),
    QUEUE_TOP("Top", "Move the selected torrents to the top of the queue", 0, "go-top", Applies.SELECTION),
    QUEUE_UP("Up", "Move the selected torrents up the queue", 0, "go-up", Applies.SELECTION),
    QUEUE_DOWN("Down", "Move the selected torrents down the queue", 0, "go-down", Applies.SELECTION),
    QUEUE_BOTTOM("Bottom", "Move the selected torrents to the bottom of the queue", 0, "go-bottom",
            Applies.SELECTION),
    ABOUT("About Shoal", "Shoal's version and licence", 0, "help-about", Applies.ALWAYS),
    PAUSE_ALL("Pause all", "Pause every torrent", 0, "media-playback-pause", Applies.ALWAYS),
    RESUME_ALL("Resume all", "Start every paused torrent", 0, "media-playback-start", Applies.ALWAYS),
    GLOBAL_LIMITS("Global limits…", "Download and upload limits of all torrents together", 0, null, Applies.ALWAYS),
    SHOW_HIDE("Show or hide window", "Show the window, or hide it to the tray", 0, null, Applies.ALWAYS);

    /** When an action can be pressed, from the torrents selected (and shown) now. */
    enum Applies {
        ALWAYS, ROWS, SELECTION, ONE, STARTABLE, PAUSABLE;

        private static final Set<TorrentState> STOPPED = Set.of(TorrentState.PAUSED, TorrentState.ERROR,
                TorrentState.FINISHED);

        boolean test(int shownRows, Collection<TorrentState> selected) {
            return switch (this) {
                case ALWAYS -> true;
                case ROWS -> shownRows > 0;
                case SELECTION -> !selected.isEmpty();
                case ONE -> selected.size() == 1;
                case STARTABLE -> selected.stream().anyMatch(STOPPED::contains);
                case PAUSABLE -> selected.stream().anyMatch(state -> state != TorrentState.PAUSED);
            };
        }
    }

    private final String label;
    private final String tooltip;
    private final int accelerator;
    private final String icon;
    private final Applies applies;

    Action(String label, String tooltip, int accelerator, String icon, Applies applies) {
        this.label = label;
        this.tooltip = tooltip;
        this.accelerator = accelerator;
        this.icon = icon;
        this.applies = applies;
    }

    /** The menu's text, without accelerator. */
    public String label() {
        return label;
    }

    /** The label as a toolbar button shows it: no ellipsis. */
    public String text() {
        return label.replace("…", "");
    }

    public String tooltip() {
        return tooltip;
    }

    /**
     * Whether the accelerator belongs to the torrents table rather than the whole window: Del and
     * Ctrl+A also edit text, so in the filter or search box they must stay the box's.
     */
    public boolean tableKey() {
        return this == SELECT_ALL || this == REMOVE || this == REMOVE_DATA;
    }

    /** SWT's accelerator (modifiers | key), 0 for none. */
    public int accelerator() {
        return accelerator;
    }

    /** The icon's name in the bundle's icons/ folder, null for none. */
    public String icon() {
        return icon;
    }

    Applies applies() {
        return applies;
    }

    /** The accelerator as a menu shows it after a tab ("Ctrl+O", "Shift+Del"), "" for none. */
    public String acceleratorText() {
        if (accelerator == 0) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        if ((accelerator & SWT.MOD1) != 0) {
            text.append(SWT.MOD1 == SWT.COMMAND ? "Cmd+" : "Ctrl+");
        }
        if ((accelerator & SWT.MOD2) != 0) {
            text.append("Shift+");
        }
        int key = accelerator & SWT.KEY_MASK;
        text.append(key == SWT.DEL ? "Del" : String.valueOf((char) key).toUpperCase(Locale.ROOT));
        return text.toString();
    }

    /** The action named {@code name} as {@code ui:press} takes it (open, url, remove_data, ...), or by its label. */
    public static Action parse(String name) {
        String wanted = name.strip().replace("…", "").replace("...", "");
        for (Action action : values()) {
            if (action.name().equalsIgnoreCase(wanted) || action.text().equalsIgnoreCase(wanted)) {
                return action;
            }
        }
        throw new IllegalArgumentException("no action '" + name + "': one of "
                + java.util.Arrays.stream(values()).map(a -> a.name().toLowerCase(Locale.ROOT)).toList());
    }
}
