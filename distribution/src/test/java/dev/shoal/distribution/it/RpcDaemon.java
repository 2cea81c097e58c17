package dev.shoal.distribution.it;

import dev.shoal.test.support.OpenTracker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The real daemon in {@code work} with its Transmission RPC on a free port and credentials on
 * ({@link #USER}, {@link #PASSWORD}), for the ITs that drive it as a Transmission client would.
 * {@link #start()} returns once the RPC servlet answers; it may be called again after {@link #close()},
 * with the same data, to see what a restart keeps.
 */
final class RpcDaemon implements AutoCloseable {

    static final String USER = "alice";
    static final String PASSWORD = "s3cret pass";
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Path work;
    private ShoalDaemon daemon;
    private int port;

    RpcDaemon(Path work) {
        this.work = work;
    }

    /** Starts the daemon on a fresh RPC port and waits until the RPC is served. */
    Shoal start() throws IOException {
        Shoal shoal = new Shoal(work);
        port = OpenTracker.freePort();
        ShoalDaemon.peersOnLoopback(shoal.dataDir());
        ShoalDaemon.configure(shoal.dataDir(), "dev.shoal.rpc", Map.of("port", String.valueOf(port), "user", USER,
                ".password", PASSWORD));
        daemon = ShoalDaemon.start(shoal, work).awaitRemoteShell(STARTUP);
        new ShoalCli(shoal).awaitOutput("the RPC served", STARTUP, out -> out.contains("Transmission RPC on")
                && !out.contains("not up"), daemon::output, "shoal:rpc");
        try {
            client().awaitServlet(STARTUP, daemon::output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return shoal;
    }

    /** The RPC's port on 127.0.0.1 since the last {@link #start()}. */
    int port() {
        return port;
    }

    /** A client with the right credentials. */
    RpcClient client() {
        return new RpcClient(port, USER, PASSWORD);
    }

    boolean isAlive() {
        return daemon.isAlive();
    }

    /** What the daemon printed, for a failure's message. */
    String output() {
        return daemon.output();
    }

    @Override
    public void close() throws InterruptedException {
        if (daemon != null) {
            daemon.close();
        }
    }
}
