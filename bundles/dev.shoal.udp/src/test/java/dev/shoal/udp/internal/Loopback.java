package dev.shoal.udp.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** A plain UDP socket on 127.0.0.1 that talks to the shared one, and the waits the tests need. */
final class Loopback implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    final DatagramChannel channel;

    Loopback() throws IOException {
        channel = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    void sendTo(int port, String text) throws IOException {
        channel.send(ByteBuffer.wrap(text.getBytes()), new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /** The next datagram as text, or null after {@link #WAIT}. */
    String receive() throws IOException {
        channel.configureBlocking(false);
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (channel.receive(buffer) != null) {
                return new String(buffer.array(), 0, buffer.position());
            }
            Thread.onSpinWait();
            sleep(5);
        }
        return null;
    }

    /** A port free a moment ago (nobody on loopback takes it in between in practice). */
    static int freePort() throws IOException {
        try (DatagramChannel probe = DatagramChannel.open().bind(new InetSocketAddress(0))) {
            return ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }
    }

    /** Waits (bounded, only to catch a hang) until {@code condition} holds. */
    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            sleep(5);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
