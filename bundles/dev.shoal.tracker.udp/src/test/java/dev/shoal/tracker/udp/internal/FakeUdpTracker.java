package dev.shoal.tracker.udp.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/** A scripted UDP "tracker" on a loopback socket: the test reads each request and chooses the answer. */
final class FakeUdpTracker implements AutoCloseable {

    /** One datagram that arrived, and when. */
    record Received(ByteBuffer data, SocketAddress from, long nanos) {
        int action() {
            // A connect request carries the protocol id first; every other request the connection id.
            return data.getInt(8);
        }

        int transactionId() {
            return data.getInt(12);
        }

        long connectionId() {
            return data.getLong(0);
        }
    }

    private final DatagramSocket socket;

    FakeUdpTracker(String loopback) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(loopback), 0));
    }

    URI uri() {
        String host = socket.getLocalAddress().getHostAddress();
        return URI.create("udp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + socket.getLocalPort()
                + "/announce");
    }

    SocketAddress address() {
        return socket.getLocalSocketAddress();
    }

    /** The next datagram, or null when none comes within {@code wait}. */
    Received receive(Duration wait) throws IOException {
        socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return new Received(ByteBuffer.wrap(Arrays.copyOf(packet.getData(), packet.getLength())),
                packet.getSocketAddress(), System.nanoTime());
    }

    void send(Received to, ByteBuffer answer) throws IOException {
        byte[] bytes = new byte[answer.remaining()];
        answer.duplicate().get(bytes);
        socket.send(new DatagramPacket(bytes, bytes.length, to.from()));
    }

    static ByteBuffer connected(int transactionId, long connectionId) {
        return ByteBuffer.allocate(16).putInt(0).putInt(transactionId).putLong(connectionId).flip();
    }

    static ByteBuffer announced(int transactionId, int interval, int leechers, int seeders, byte[] peers) {
        return ByteBuffer.allocate(20 + peers.length).putInt(1).putInt(transactionId).putInt(interval)
                .putInt(leechers).putInt(seeders).put(peers).flip();
    }

    static ByteBuffer error(int transactionId, String message) {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + text.length).putInt(3).putInt(transactionId).put(text).flip();
    }

    @Override
    public void close() {
        socket.close();
    }
}
