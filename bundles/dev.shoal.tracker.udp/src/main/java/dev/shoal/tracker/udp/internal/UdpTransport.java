package dev.shoal.tracker.udp.internal;

import dev.shoal.tracker.api.TrackerException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * One UDP socket shared by all requests: sends a request, retransmits it on BEP 15's schedule,
 * and matches answers to requests by transaction id on a receive thread. Callers never block.
 */
final class UdpTransport implements AutoCloseable {

    /** Larger than any tracker answer we accept (200 IPv6 peers take 3620 bytes). */
    private static final int RECEIVE_BUFFER = 65_536;

    private final DatagramChannel channel;
    private final Supplier<UdpSettings> settings;
    private final Map<Integer, Exchange> pending = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final ScheduledThreadPoolExecutor timer;
    private final Thread receiver;

    UdpTransport(Supplier<UdpSettings> settings) throws IOException {
        this.settings = settings;
        // No protocol family: a dual-stack socket reaches IPv4 and IPv6 trackers alike.
        this.channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(0));
        this.timer = new ScheduledThreadPoolExecutor(1, runnable -> daemon(runnable, "shoal-udp-tracker-timer"));
        timer.setRemoveOnCancelPolicy(true);
        this.receiver = daemon(this::receiveLoop, "shoal-udp-tracker-receiver");
        receiver.start();
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
        try {
            channel.send(exchange.packet.duplicate(), exchange.tracker);
        } catch (IOException e) {
            exchange.future.completeExceptionally(new TrackerException(TrackerException.Kind.NETWORK,
                    "cannot send to " + exchange.tracker + ": " + e, e));
            return;
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

    private void receiveLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(RECEIVE_BUFFER);
        while (channel.isOpen()) {
            SocketAddress from;
            try {
                buffer.clear();
                from = channel.receive(buffer);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                continue; // e.g. an ICMP port unreachable surfaced here; the exchange times out on its own
            }
            buffer.flip();
            if (buffer.remaining() < Packets.HEADER || !(from instanceof InetSocketAddress sender)) {
                continue;
            }
            ByteBuffer answer = ByteBuffer.wrap(Arrays.copyOf(buffer.array(), buffer.limit()));
            Exchange exchange = pending.get(Packets.transactionId(answer));
            if (exchange != null && sameEndpoint(sender, exchange.tracker)) {
                exchange.offer(answer);
            }
        }
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
    public void close() throws IOException {
        timer.shutdownNow();
        channel.close();
        TrackerException closed = new TrackerException(TrackerException.Kind.NETWORK, "UDP tracker client closed");
        pending.values().forEach(exchange -> exchange.future.completeExceptionally(closed));
        try {
            receiver.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
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
