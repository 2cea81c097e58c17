package dev.shoal.distribution.it;

import dev.shoal.test.support.OpenTracker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The real daemon in {@code work} with its Transmission RPC on a free port and credentials on
 * ({@link #USER}, {@link #PASSWORD}; {@link #withoutCredentials} for none), for the ITs that drive it
 * as a Transmission client would. {@link #start()} returns once the RPC servlet answers; it may be
 * called again after {@link #close()}, with the same data, to see what a restart keeps;
 * {@link #restart()} starts it again with the settings as they are (the ports too).
 */
final class RpcDaemon implements AutoCloseable {

    static final String USER = "alice";
    static final String PASSWORD = "s3cret pass";
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Path work;
    private final boolean credentials;
    private ShoalDaemon daemon;
    private Shoal shoal;
    private int port;

    RpcDaemon(Path work) {
        this(work, true);
    }

    private RpcDaemon(Path work, boolean credentials) {
        this.work = work;
        this.credentials = credentials;
    }

    /** One whose RPC asks for no credentials. */
    static RpcDaemon withoutCredentials(Path work) {
        return new RpcDaemon(work, false);
    }

    /** Starts the daemon on a fresh RPC port and waits until the RPC is served. */
    Shoal start() throws IOException {
        shoal = new Shoal(work);
        port = OpenTracker.freePort();
        ShoalDaemon.peersOnLoopback(shoal.dataDir());
        ShoalDaemon.configure(shoal.dataDir(), "dev.shoal.rpc", credentials ? Map.of("port", String.valueOf(port),
                "user", USER, ".password", PASSWORD) : Map.of("port", String.valueOf(port)));
        return restart();
    }

    /** Starts it again after a stop, the settings as they were left, and waits until the RPC is served. */
    Shoal restart() throws IOException {
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

    /** After a live change of the RPC's port ({@code shoal:config}): where {@link #client()} goes now. */
    void movedTo(int newPort) {
        port = newPort;
    }

    /** A client with the right credentials. */
    RpcClient client() {
        return credentials ? new RpcClient(port, USER, PASSWORD) : new RpcClient(port, null, null);
    }

    /** The daemon since the last start, for its exit and output. */
    ShoalDaemon daemon() {
        return daemon;
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
