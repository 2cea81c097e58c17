package dev.shoal.remote.protocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a running Shoal leaves in its data directory for {@code shoal cli}: the port its remote
 * shell listens on (127.0.0.1 only) and the secret a client must present.
 */
public final class RemoteFiles {

    /** The port in decimal and a newline; written once listening, deleted on stop. */
    public static final String PORT_FILE = "remote.port";
    /** 64 hex digits (32 random bytes) and a newline; readable by its owner only. */
    public static final String TOKEN_FILE = "remote.token";

    private RemoteFiles() {
    }

    /** The port a running Shoal wrote; empty when there is none (or it is not a port). */
    public static Optional<Integer> port(Path dataDir) throws IOException {
        Optional<String> text = read(dataDir.resolve(PORT_FILE));
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            int port = Integer.parseInt(text.get());
            return port > 0 && port <= 65535 ? Optional.of(port) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The token; empty when the file is missing. */
    public static Optional<String> token(Path dataDir) throws IOException {
        return read(dataDir.resolve(TOKEN_FILE));
    }

    private static Optional<String> read(Path file) throws IOException {
        try {
            // Both files are a line; anything longer is not ours, and reading it is bounded.
            if (Files.size(file) > 256) {
                return Optional.empty();
            }
            return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).strip());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
