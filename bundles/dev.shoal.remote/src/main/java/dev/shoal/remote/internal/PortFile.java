package dev.shoal.remote.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import dev.shoal.remote.protocol.RemoteFiles;

/** {@code <data>/remote.port}: written once listening, so a client never reads half a number. */
final class PortFile {

    private PortFile() {
    }

    static void write(Path dataDir, int port) throws IOException {
        Path file = dataDir.resolve(RemoteFiles.PORT_FILE);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temporary, (port + "\n").getBytes(StandardCharsets.US_ASCII));
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes the file if it still names {@code port}: another Shoal's file is not ours to delete. */
    static void delete(Path dataDir, int port) throws IOException {
        Optional<Integer> written = RemoteFiles.port(dataDir);
        if (written.isPresent() && written.get() == port) {
            Files.deleteIfExists(dataDir.resolve(RemoteFiles.PORT_FILE));
        }
    }
}
