package dev.shoal.ui.swt.internal.model;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the window's layout is kept: {@value #NAME} in the data directory, beside {@code config/}
 * (not a Configuration Admin setting: it changes with every drag of a splitter, and
 * {@code shoal:config} and the Preferences have nothing to show of it). Written whole to a temporary
 * file and moved over the old one, so a crash mid-write leaves the old layout; an unreadable file
 * gives the default layout and a line in the log.
 */
public final class LayoutFile {

    public static final String NAME = "desktop-layout.properties";
    private static final Logger LOG = LoggerFactory.getLogger(LayoutFile.class);

    private final Path file;

    public LayoutFile(Path dataDir) {
        this.file = dataDir.resolve(NAME);
    }

    public WindowLayout load() {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return WindowLayout.DEFAULT;
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("desktop: cannot read {} ({}); the default layout", file, e.getMessage());
            return WindowLayout.DEFAULT;
        }
        return WindowLayout.of(p);
    }

    public void save(WindowLayout layout) {
        try {
            Path temp = file.resolveSibling(NAME + ".tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                layout.toProperties().store(out, "Shoal's main window as it was left");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("desktop: cannot save the window's layout to {}: {}", file, e.getMessage());
        }
    }
}
