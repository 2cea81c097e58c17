package dev.shoal.peer.internal.net;

import dev.shoal.peer.internal.handler.PeerConnection;
import dev.shoal.peer.internal.handler.PeerListener;
import dev.shoal.peer.internal.wire.PeerMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Collects what a torrent hears, without blocking the I/O thread; tests wait on it instead. */
final class RecordingListener implements PeerListener {

    final CompletableFuture<PeerConnection> connected = new CompletableFuture<>();
    final CompletableFuture<Optional<Throwable>> closed = new CompletableFuture<>();
    private final BlockingQueue<PeerMessage> messages = new LinkedBlockingQueue<>();
    private final Consumer<PeerConnection> onConnect;

    RecordingListener() {
        this(connection -> { });
    }

    RecordingListener(Consumer<PeerConnection> onConnect) {
        this.onConnect = onConnect;
    }

    @Override
    public void connected(PeerConnection connection) {
        onConnect.accept(connection);
        connected.complete(connection);
    }

    @Override
    public void received(PeerConnection connection, PeerMessage message) {
        messages.add(message);
    }

    @Override
    public void closed(PeerConnection connection, Optional<Throwable> cause) {
        closed.complete(cause);
    }

    /** The next message, failing the test when none comes in time. */
    PeerMessage next(Duration wait) throws InterruptedException {
        PeerMessage message = messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("no message within " + wait);
        }
        return message;
    }

    List<PeerMessage> next(int count, Duration wait) throws InterruptedException {
        List<PeerMessage> received = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        while (received.size() < count) {
            PeerMessage message = messages.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (message == null) {
                throw new AssertionError("got " + received.size() + " of " + count + " messages within " + wait);
            }
            received.add(message);
        }
        return received;
    }

    /** The first message of type {@code type}, skipping others. */
    <M extends PeerMessage> M first(Class<M> type, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            PeerMessage message = messages.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (message == null) {
                throw new AssertionError("no " + type.getSimpleName() + " within " + wait);
            }
            if (type.isInstance(message)) {
                return type.cast(message);
            }
        }
    }
}
