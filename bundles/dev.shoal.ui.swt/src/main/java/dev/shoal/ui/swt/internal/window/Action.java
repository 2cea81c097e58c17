package dev.shoal.ui.swt.internal.window;

import java.util.Locale;

/** The toolbar's items, in order, with their text and tooltip. */
public enum Action {
    OPEN("Open", "Add .torrent files"),
    URL("Add link", "Add a magnet link or a torrent's http(s) URL"),
    CREATE("Create", "Make a .torrent from a file or folder"),
    START("Start", "Start (resume) the selected torrents"),
    PAUSE("Pause", "Pause the selected torrents"),
    REMOVE("Remove", "Remove the selected torrents"),
    SEARCH("Search", "Search for torrents through the search providers"),
    PREFERENCES("Preferences", "Settings of the engine and of this window");

    private final String text;
    private final String tooltip;

    Action(String text, String tooltip) {
        this.text = text;
        this.tooltip = tooltip;
    }

    public String text() {
        return text;
    }

    public String tooltip() {
        return tooltip;
    }

    /** The action named {@code name} as {@code ui:press} takes it (open, url, create, ...). */
    public static Action parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no toolbar item '" + name
                    + "': open, url, create, start, pause, remove, search or preferences");
        }
    }
}
