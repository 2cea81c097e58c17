package dev.shoal.remote.internal;

import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.felix.service.command.CommandProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.shoal.remote.protocol.Frames;

/**
 * Accepts connections on 127.0.0.1 only and gives each a thread of its own, so a slow command or a
 * silent client never holds up another session; at most {@link Limits#sessions()} at once.
 */
final class ShellServer implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(ShellServer.class);
    private static final long CLOSE_WAIT_MILLIS = 2000;

    private final CommandProcessor processor;
    private final String token;
    private final Limits limits;
    private final Semaphore sessions;
    private final Map<Socket, Thread> open = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final ServerSocket server;
    private final Thread acceptor;

    /** Binds at once; {@code port} 0 picks a free one. */
    ShellServer(CommandProcessor processor, String token, Limits limits, int port) throws IOException {
        this.processor = processor;
        this.token = token;
        this.limits = limits;
        this.sessions = new Semaphore(limits.sessions());
        this.server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            server.close();
            throw new IOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        this.acceptor = new Thread(this::accept, "shoal-remote-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                if (!sessions.tryAcquire()) {
                    refuse(socket, "too many sessions (" + limits.sessions() + "); try again later");
                    continue;
                }
                Thread thread = new Thread(() -> serve(socket), "shoal-remote-session-" + count.incrementAndGet());
                thread.setDaemon(true);
                open.put(socket, thread);
                thread.start();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.warn("remote shell: accepting a connection failed: {}", e.getMessage());
                }
            }
        }
    }

    private void serve(Socket socket) {
        try {
            new ShellConnection(socket, token, processor, limits).run();
        } finally {
            open.remove(socket);
            sessions.release();
        }
    }

    /** A short frame fits any socket buffer: this write does not block the acceptor. */
    private static void refuse(Socket socket, String reason) {
        try (socket) {
            Frames.write(new DataOutputStream(socket.getOutputStream()), Frames.REFUSED, reason);
        } catch (IOException e) {
            // Gone already.
        }
    }

    /** Stops listening and ends every session: their sockets close, their commands are interrupted. */
    @Override
    public void close() throws IOException {
        server.close();
        open.forEach((socket, thread) -> {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing anyway.
            }
            thread.interrupt();
        });
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MILLIS);
        try {
            acceptor.join(CLOSE_WAIT_MILLIS);
            for (Thread thread : open.values()) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!open.isEmpty()) {
            LOG.warn("remote shell: {} session(s) still running a command after close", open.size());
        }
    }
}
