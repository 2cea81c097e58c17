package dev.shoal.udp.internal;

import dev.shoal.udp.api.UdpPort;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The one UDP socket: a dual-stack {@link DatagramChannel} with a receive thread that hands each
 * datagram to the {@link Handlers} from one reusable buffer, and a send thread that drains a
 * bounded queue. {@link #bind} moves it to another port: the new socket is bound before the old
 * one closes, so a port that cannot be had leaves the old one working. Usable without OSGi.
 */
public final class SharedSocket implements UdpPort, AutoCloseable {

    /** The largest UDP payload over IPv4; larger datagrams cannot be sent. */
    static final int MAX_DATAGRAM = 65_507;

    private record Outgoing(InetSocketAddress to, byte[] bytes) {
    }

    private final Handlers handlers;
    /** Unbounded itself: {@link #queued} against {@link #queueLimit} bounds it, so the limit can change live. */
    private final BlockingQueue<Outgoing> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private volatile int queueLimit;
    private final Thread sender;
    private final LongAdder sent = new LongAdder();
    private final LongAdder droppedSends = new LongAdder();
    private final LongAdder failedSends = new LongAdder();
    private volatile Bound bound;
    private volatile boolean closed;

    public SharedSocket(Handlers handlers, int queueLimit) {
        this(handlers, queueLimit, true);
    }

    /** {@code startSending} false: the queue fills until {@link #startSending()}, so tests see its bound. */
    SharedSocket(Handlers handlers, int queueLimit, boolean startSending) {
        this.handlers = handlers;
        setQueueLimit(queueLimit);
        this.sender = daemon(this::sendLoop, "shoal-udp-send");
        if (startSending) {
            startSending();
        }
    }

    void startSending() {
        sender.start();
    }

    /** A socket bound to {@code port} (0: any free one) with handlers of its own, for use without OSGi. */
    public static SharedSocket open(int port) throws IOException {
        SharedSocket socket = new SharedSocket(new Handlers(), 1024);
        try {
            socket.bind(port);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    public Handlers handlers() {
        return handlers;
    }

    void setQueueLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the send queue must hold at least one datagram: " + limit);
        }
        queueLimit = limit;
    }

    /**
     * Binds to {@code port} (0: a free one) on every address, IPv4 and IPv6, and only then closes
     * the socket bound before.
     *
     * @return the port now bound
     * @throws IOException when {@code port} cannot be bound; the socket bound before stays
     */
    public synchronized int bind(int port) throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        Bound was = bound;
        if (was != null && port != 0 && was.port == port) {
            return port;
        }
        // No protocol family: a dual-stack socket reaches IPv4 and IPv6 peers alike. No SO_REUSEADDR,
        // so a port another socket holds is refused rather than shared.
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.bind(new InetSocketAddress(port));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        Bound now = new Bound(channel);
        bound = now;
        now.receiver.start();
        if (was != null) {
            was.close();
        }
        return now.port;
    }

    boolean isBound() {
        return bound != null;
    }

    /** The port bound now; 0 before the first {@link #bind} and after {@link #close}. */
    @Override
    public int port() {
        Bound current = bound;
        return current == null || closed ? 0 : current.port;
    }

    @Override
    public boolean send(InetSocketAddress to, ByteBuffer datagram) {
        if (closed || to.isUnresolved() || datagram.remaining() > MAX_DATAGRAM) {
            droppedSends.increment();
            return false;
        }
        if (queued.incrementAndGet() > queueLimit) {
            queued.decrementAndGet();
            droppedSends.increment();
            return false;
        }
        byte[] bytes = new byte[datagram.remaining()];
        datagram.duplicate().get(bytes);
        queue.add(new Outgoing(to, bytes));
        return true;
    }

    private void sendLoop() {
        while (!closed) {
            Outgoing next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            queued.decrementAndGet();
            Bound current = bound;
            try {
                current.channel.send(ByteBuffer.wrap(next.bytes()), next.to());
                sent.increment();
            } catch (IOException | RuntimeException e) {
                // A peer's address we cannot reach (an IPv6 one without IPv6), or the socket closing
                // under a rebind: UDP may lose any datagram, so it is counted, not retried.
                failedSends.increment();
            }
        }
    }

    /** The counters, for logs and a status. */
    UdpStatus status() {
        return new UdpStatus(port(), handlers.counts(), sent.sum(), droppedSends.sum(), failedSends.sum());
    }

    @Override
    public synchronized void close() {
        closed = true;
        sender.interrupt();
        Bound current = bound;
        if (current != null) {
            current.close();
        }
        join(sender);
        queue.clear();
        queued.set(0);
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void join(Thread thread) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One bound channel and its receive thread. */
    private final class Bound {
        final DatagramChannel channel;
        final int port;
        final Thread receiver;

        Bound(DatagramChannel channel) throws IOException {
            this.channel = channel;
            this.port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
            this.receiver = daemon(this::receiveLoop, "shoal-udp-receive-" + port);
        }

        private void receiveLoop() {
            // Direct: the kernel writes into it with no copy; handlers read it through a read-only view
            // (reset before each handler), so none can spoil the bytes the next one is offered.
            ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM + 1);
            ByteBuffer view = buffer.asReadOnlyBuffer();
            while (channel.isOpen()) {
                SocketAddress from;
                try {
                    buffer.clear();
                    from = channel.receive(buffer);
                } catch (ClosedChannelException e) {
                    return;
                } catch (IOException e) {
                    continue; // e.g. an ICMP error surfaced here; it concerns one send, not the socket
                }
                if (from instanceof InetSocketAddress sender) {
                    handlers.dispatch(sender, view, buffer.position());
                }
            }
        }

        void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // Closing a datagram channel releases the port whatever it reports.
            }
            if (Thread.currentThread() != receiver) {
                join(receiver);
            }
        }
    }
}
