package dev.shoal.tracker.udp.internal;

import dev.shoal.tracker.api.TrackerException;
import dev.shoal.udp.api.UdpPort;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The requests of all UDP trackers over Shoal's shared {@link UdpPort}: sends a request,
 * retransmits it on BEP 15's schedule, and claims the answers (offered by the port's receive
 * thread) that match an outstanding transaction id from that tracker. Callers never block.
 */
final class UdpTransport implements AutoCloseable {

    private final AtomicReference<UdpPort> port = new AtomicReference<>();
    private final Supplier<UdpSettings> settings;
    private final Map<Integer, Exchange> pending = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final ScheduledThreadPoolExecutor timer;

    UdpTransport(Supplier<UdpSettings> settings) {
        this.settings = settings;
        this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "shoal-udp-tracker-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    void bind(UdpPort udp) {
        port.set(udp);
    }

    /** Only the port that leaves: another may have arrived first (a swap). */
    void unbind(UdpPort udp) {
        port.compareAndSet(udp, null);
    }

    /** What an answer to one request must look like. */
    record Expected(int action, int minLength) {
    }

    /**
     * Sends the packet made for a fresh transaction id to {@code tracker} and completes with the
     * first valid answer. Packets with another transaction id, from another address, with another
     * action or too short are ignored; an error answer fails the exchange with the tracker's text.
     * Cancelling the returned future stops the retransmissions.
     */
    CompletableFuture<ByteBuffer> exchange(InetSocketAddress tracker, IntFunction<ByteBuffer> packet,
            Expected expected) {
        if (port.get() == null) {
            return CompletableFuture.failedFuture(new TrackerException(TrackerException.Kind.NETWORK,
                    "UDP port not available"));
        }
        int transactionId = freeTransactionId();
        Exchange exchange = new Exchange(tracker, packet.apply(transactionId), expected, settings.get());
        pending.put(transactionId, exchange);
        exchange.future.whenComplete((answer, failure) -> {
            pending.remove(transactionId, exchange);
            exchange.cancelTimer();
        });
        transmit(exchange, 0);
        return exchange.future;
    }

    private int freeTransactionId() {
        int id;
        do {
            id = random.nextInt();
        } while (pending.containsKey(id));
        return id;
    }

    private void transmit(Exchange exchange, int n) {
        if (exchange.future.isDone()) {
            return;
        }
        // A port gone for a moment (dev.shoal.udp being updated), or a full send queue: as if the
        // datagram were lost, so the retransmission after it goes through the port there then.
        UdpPort udp = port.get();
        if (udp != null) {
            udp.send(exchange.tracker, exchange.packet.duplicate());
        }
        exchange.schedule(timer.schedule(() -> {
            if (n < exchange.settings.maxRetransmissions()) {
                transmit(exchange, n + 1);
            } else {
                exchange.future.completeExceptionally(new TrackerException(TrackerException.Kind.NETWORK,
                        "no answer from " + exchange.tracker + " after " + (n + 1) + " transmissions"));
            }
        }, exchange.settings.timeout(n).toNanos(), TimeUnit.NANOSECONDS));
    }

    /**
     * Claims {@code datagram} when it answers an outstanding request: its transaction id is pending
     * and it comes from the tracker asked. What is claimed is copied (the port reuses its buffer);
     * a claimed answer with another action or too short is then ignored, as before.
     */
    boolean handle(InetSocketAddress from, ByteBuffer datagram) {
        if (datagram.remaining() < Packets.HEADER) {
            return false;
        }
        Exchange exchange = pending.get(datagram.getInt(datagram.position() + 4));
        if (exchange == null || !sameEndpoint(from, exchange.tracker)) {
            return false;
        }
        byte[] copy = new byte[datagram.remaining()];
        datagram.get(copy);
        exchange.offer(ByteBuffer.wrap(copy));
        return true;
    }

    /** A dual-stack socket may report an IPv4 sender as an IPv4-mapped IPv6 address. */
    private static boolean sameEndpoint(InetSocketAddress a, InetSocketAddress b) {
        return a.getPort() == b.getPort() && Arrays.equals(ipv4Form(a.getAddress()), ipv4Form(b.getAddress()));
    }

    private static byte[] ipv4Form(InetAddress address) {
        byte[] raw = address.getAddress();
        boolean mapped = raw.length == 16 && Arrays.equals(Arrays.copyOf(raw, 12),
                new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF});
        return mapped ? Arrays.copyOfRange(raw, 12, 16) : raw;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        TrackerException closed = new TrackerException(TrackerException.Kind.NETWORK, "UDP tracker client closed");
        pending.values().forEach(exchange -> exchange.future.completeExceptionally(closed));
    }

    /** One request waiting for its answer. */
    private static final class Exchange {
        final InetSocketAddress tracker;
        final ByteBuffer packet;
        final Expected expected;
        final UdpSettings settings;
        final CompletableFuture<ByteBuffer> future = new CompletableFuture<>();
        private ScheduledFuture<?> timeout;

        Exchange(InetSocketAddress tracker, ByteBuffer packet, Expected expected, UdpSettings settings) {
            this.tracker = tracker;
            this.packet = packet;
            this.expected = expected;
            this.settings = settings;
        }

        void offer(ByteBuffer answer) {
            int action = Packets.action(answer);
            if (action == Packets.ERROR) {
                future.completeExceptionally(new TrackerException(TrackerException.Kind.TRACKER_FAILURE,
                        Packets.errorMessage(answer)));
            } else if (action == expected.action() && answer.limit() >= expected.minLength()) {
                future.complete(answer);
            }
        }

        synchronized void schedule(ScheduledFuture<?> next) {
            timeout = next;
            if (future.isDone()) {
                next.cancel(false);
            }
        }

        synchronized void cancelTimer() {
            if (timeout != null) {
                timeout.cancel(false);
            }
        }
    }
}
