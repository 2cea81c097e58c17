package dev.shoal.support.config;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Dictionary;
import org.osgi.service.cm.Configuration;

/**
 * Saves a setting changed in Shoal (the desktop's preferences, {@code shoal:config}) into the
 * {@code .cfg} file its configuration came from, so the file a user dropped into {@code plugins/}
 * keeps saying what is in force and FileInstall does not put the old value back at the next start.
 *
 * <p>FileInstall's own write-back is off (see {@code cnf/launch.bnd}): it truncates the file and
 * writes it again while its watcher may read it. Here the new text is written to a temporary file
 * beside it and renamed over it, so a reader sees the old file or the new one, never a part.
 */
public final class CfgFiles {

    private CfgFiles() {
    }

    /**
     * Writes {@code properties} to the configuration's {@code .cfg} file when it has one, then
     * updates the configuration. When the file cannot be written nothing changes.
     *
     * @throws IOException naming the file and why it could not be written, or from Configuration Admin
     */
    public static void update(Configuration configuration, Dictionary<String, Object> properties) throws IOException {
        Object origin = properties.get(CfgFormat.FILENAME);
        if (origin instanceof String uri && (uri.endsWith(".cfg") || uri.endsWith(".config"))) {
            String text;
            try {
                text = CfgFormat.write(properties);
            } catch (IllegalArgumentException e) {
                throw new IOException("cannot save to " + uri + ": " + e.getMessage(), e);
            }
            replace(Path.of(URI.create(uri)), text);
        }
        configuration.update(properties);
    }

    /** Replaces {@code file} by {@code text} at once: a temporary file beside it, flushed to disk, renamed over it. */
    static void replace(Path file, String text) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        // A hidden name that is neither .cfg nor .config: FileInstall installs no configuration from it.
        Path temporary = null;
        try {
            temporary = Files.createTempFile(folder, "." + file.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            keepPermissions(file, temporary);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
            throw new IOException("cannot save " + file + ": " + e.getMessage(), e);
        }
    }

    /** The temporary file is made private; the file it replaces keeps the permissions the user gave it. */
    private static void keepPermissions(Path file, Path temporary) throws IOException {
        PosixFileAttributeView from = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        PosixFileAttributeView to = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
        if (from != null && to != null && Files.exists(file)) {
            to.setPermissions(from.readAttributes().permissions());
        }
    }
}
