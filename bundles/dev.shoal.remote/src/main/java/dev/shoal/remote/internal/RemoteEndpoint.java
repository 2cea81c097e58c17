package dev.shoal.remote.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

import org.apache.felix.service.command.CommandProcessor;

/**
 * The remote shell of the Shoal that owns {@code dataDir}: its token ready, listening, and its port
 * published for clients; closing takes the port file away first, so no client tries a dead port.
 */
final class RemoteEndpoint implements Closeable {

    private final Path dataDir;
    private final ShellServer server;

    private RemoteEndpoint(Path dataDir, ShellServer server) {
        this.dataDir = dataDir;
        this.server = server;
    }

    static RemoteEndpoint open(Path dataDir, int port, CommandProcessor processor, Limits limits) throws IOException {
        String token = TokenFile.ensure(dataDir);
        ShellServer server = new ShellServer(processor, token, limits, port);
        try {
            PortFile.write(dataDir, server.port());
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return new RemoteEndpoint(dataDir, server);
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() throws IOException {
        try {
            PortFile.delete(dataDir, server.port());
        } finally {
            server.close();
        }
    }
}
