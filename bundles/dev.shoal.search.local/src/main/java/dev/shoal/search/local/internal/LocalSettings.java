package dev.shoal.search.local.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local provider's configuration, checked.
 *
 * @param folders         where to look, absolute and without duplicates; empty finds nothing
 * @param recursive       look in subfolders too
 * @param maxFiles        the most {@code .torrent} files looked at per search
 * @param maxTorrentBytes larger files are skipped unread
 */
record LocalSettings(List<Path> folders, boolean recursive, int maxFiles, int maxTorrentBytes) {

    static final int MIN_FILES = 1;
    static final int MAX_FILES = 1_000_000;
    static final int MIN_TORRENT_BYTES = 1024;
    /** What the bencode decoder takes at most by default. */
    static final int MAX_TORRENT_BYTES = 64 << 20;
    static final int DEFAULT_MAX_FILES = 20_000;
    static final int DEFAULT_MAX_TORRENT_BYTES = 10 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(LocalSettings.class);

    LocalSettings {
        folders = List.copyOf(folders);
        if (maxFiles < MIN_FILES || maxTorrentBytes < MIN_TORRENT_BYTES) {
            throw new IllegalArgumentException("maxFiles and maxTorrentBytes must be positive");
        }
    }

    /**
     * From the configuration's values: blank and impossible folders are left out (the latter with a
     * warning), a leading {@code ~} is the user's home, numbers out of range are clamped with a warning.
     */
    static LocalSettings of(String[] folders, boolean recursive, int maxFiles, int maxTorrentBytes) {
        Set<Path> paths = new LinkedHashSet<>();
        for (String folder : folders == null ? new String[0] : folders) {
            if (folder == null || folder.isBlank()) {
                continue;
            }
            try {
                paths.add(home(folder.strip()).toAbsolutePath().normalize());
            } catch (InvalidPathException e) {
                LOG.warn("local search: not a usable folder, left out: {}", e.getMessage());
            }
        }
        return new LocalSettings(new ArrayList<>(paths), recursive,
                clamp("maxFiles", maxFiles, MIN_FILES, MAX_FILES),
                clamp("maxTorrentBytes", maxTorrentBytes, MIN_TORRENT_BYTES, MAX_TORRENT_BYTES));
    }

    /** {@code ~} and {@code ~/x} as in a shell: people write configuration files by hand. */
    private static Path home(String folder) {
        if (folder.equals("~") || folder.startsWith("~/") || folder.startsWith("~\\")) {
            return Path.of(System.getProperty("user.home"), folder.substring(1).replaceFirst("^[/\\\\]", ""));
        }
        return Path.of(folder);
    }

    private static int clamp(String name, int value, int min, int max) {
        int clamped = Math.max(min, Math.min(max, value));
        if (clamped != value) {
            LOG.warn("local search: {} {} is outside {}..{}; using {}", name, value, min, max, clamped);
        }
        return clamped;
    }
}
