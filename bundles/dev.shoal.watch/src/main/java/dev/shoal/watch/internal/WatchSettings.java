package dev.shoal.watch.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A watch folder's configuration, checked.
 *
 * @param folder      the folder to watch; empty when watching is off
 * @param poll        time between two looks at the folder
 * @param startPaused add torrents paused
 */
record WatchSettings(Optional<Path> folder, Duration poll, boolean startPaused) {

    static final int MIN_POLL_SECONDS = 1;
    static final int MAX_POLL_SECONDS = 3600;

    private static final Logger LOG = LoggerFactory.getLogger(WatchSettings.class);

    /** From the configuration's values: a blank or impossible folder turns watching off, with a warning for the latter. */
    static WatchSettings of(String folder, int pollSeconds, boolean startPaused) {
        int seconds = Math.max(MIN_POLL_SECONDS, Math.min(MAX_POLL_SECONDS, pollSeconds));
        if (seconds != pollSeconds) {
            LOG.warn("watch folder: pollSeconds {} is outside {}..{}; using {}", pollSeconds, MIN_POLL_SECONDS,
                    MAX_POLL_SECONDS, seconds);
        }
        Optional<Path> path = Optional.empty();
        if (folder != null && !folder.isBlank()) {
            try {
                path = Optional.of(Path.of(folder.strip()).toAbsolutePath().normalize());
            } catch (InvalidPathException e) {
                LOG.warn("watch folder: not a usable path, watching nothing: {}", e.getMessage());
            }
        }
        return new WatchSettings(path, Duration.ofSeconds(seconds), startPaused);
    }
}
