package dev.shoal.test.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * An attacker that holds connections to a peer and does nothing useful with them, on plain
 * sockets: some complete the BitTorrent handshake and then say nothing, some handshake and send a
 * keep-alive every few seconds, some never send a byte, some send half a handshake. One thread
 * reads (and drops) whatever the victim sends, notes when each connection is closed by the victim,
 * and sends the keep-alives. {@link #close()} closes everything.
 */
public final class HostilePeers implements AutoCloseable {

    /** What a connection does once open. */
    public enum Kind {
        /** The handshake, then silence. */
        SILENT,
        /** The handshake, then a keep-alive every {@link #KEEP_ALIVE_EVERY}. */
        KEEP_ALIVE,
        /** Nothing at all. */
        NO_HANDSHAKE,
        /** The first {@link #TRUNCATED_BYTES} bytes of a handshake, then nothing. */
        TRUNCATED
    }

    public static final Duration KEEP_ALIVE_EVERY = Duration.ofSeconds(3);
    public static final int TRUNCATED_BYTES = 30;
    private static final long SELECT_MILLIS = 100;
    private static final int HANDSHAKE_REPLY_MILLIS = 10_000;

    /** One connection: when it opened and, once the victim closed it, when that was seen. */
    private static final class Connection {
        final Kind kind;
        final SocketChannel channel;
        final long openedNanos = System.nanoTime();
        volatile long closedNanos;

        Connection(Kind kind, SocketChannel channel) {
            this.kind = kind;
            this.channel = channel;
        }
    }

    private final List<Connection> connections = Collections.synchronizedList(new ArrayList<>());
    private final Selector selector;
    private final Thread loop;
    private volatile boolean closing;

    private HostilePeers() throws IOException {
        selector = Selector.open();
        loop = new Thread(this::run, "hostile-peers");
        loop.setDaemon(true);
    }

    /**
     * Opens {@code counts} connections of each kind to {@code target} for the torrent {@code infoHashHex},
     * in the order of the kinds, each after the one before it is connected and has sent its bytes; one
     * that handshakes also waits for the victim's handshake (or its close), as a peer arriving now and
     * then would, not in a burst that the victim's bound on waiting handshakes would cut short.
     */
    public static HostilePeers open(InetSocketAddress target, String infoHashHex, Map<Kind, Integer> counts)
            throws IOException {
        HostilePeers peers = new HostilePeers();
        try {
            byte[] infoHash = HexFormat.of().parseHex(infoHashHex);
            Random random = new Random(counts.hashCode());
            for (Kind kind : Kind.values()) {
                for (int i = 0; i < counts.getOrDefault(kind, 0); i++) {
                    peers.connect(target, kind, handshake(infoHash, peerId(random), false));
                }
            }
            peers.loop.start();
            return peers;
        } catch (IOException | RuntimeException e) {
            peers.close();
            throw e;
        }
    }

    /** A BitTorrent handshake (BEP 3), with the fast extension bit (BEP 6) when asked. */
    public static byte[] handshake(byte[] infoHash, byte[] peerId, boolean fastExtension) {
        ByteBuffer out = ByteBuffer.allocate(68);
        out.put((byte) 19).put("BitTorrent protocol".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] reserved = new byte[8];
        if (fastExtension) {
            reserved[7] |= 0x04;
        }
        out.put(reserved).put(infoHash).put(peerId);
        return out.array();
    }

    /** A peer id of its own for each connection: a peer refuses a second connection of the same id. */
    public static byte[] peerId(Random random) {
        byte[] id = new byte[20];
        random.nextBytes(id);
        System.arraycopy("-HP0001-".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, id, 0, 8);
        return id;
    }

    private void connect(InetSocketAddress target, Kind kind, byte[] handshake) throws IOException {
        SocketChannel channel = SocketChannel.open(target);
        Connection connection = new Connection(kind, channel);
        connections.add(connection);
        ByteBuffer hello = switch (kind) {
            case SILENT, KEEP_ALIVE -> ByteBuffer.wrap(handshake);
            case TRUNCATED -> ByteBuffer.wrap(handshake, 0, TRUNCATED_BYTES);
            case NO_HANDSHAKE -> ByteBuffer.allocate(0);
        };
        try {
            while (hello.hasRemaining()) {
                channel.write(hello);
            }
            if (kind == Kind.SILENT || kind == Kind.KEEP_ALIVE) {
                channel.socket().setSoTimeout(HANDSHAKE_REPLY_MILLIS);
                new java.io.DataInputStream(channel.socket().getInputStream()).readFully(new byte[68]);
            }
        } catch (IOException refused) {
            connection.closedNanos = System.nanoTime(); // the victim may push it out at once
        }
        channel.configureBlocking(false);
        channel.register(selector, SelectionKey.OP_READ, connection);
    }

    private void run() {
        ByteBuffer scratch = ByteBuffer.allocate(64 * 1024);
        long nextKeepAlive = System.nanoTime() + KEEP_ALIVE_EVERY.toNanos();
        try {
            while (!closing) {
                selector.select(SELECT_MILLIS);
                for (SelectionKey key : selector.selectedKeys()) {
                    readAndDrop(key, scratch);
                }
                selector.selectedKeys().clear();
                if (System.nanoTime() - nextKeepAlive >= 0) {
                    nextKeepAlive = System.nanoTime() + KEEP_ALIVE_EVERY.toNanos();
                    sendKeepAlives();
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closing) {
                throw new IllegalStateException("hostile peers' loop failed", e);
            }
        }
    }

    private void readAndDrop(SelectionKey key, ByteBuffer scratch) {
        Connection connection = (Connection) key.attachment();
        try {
            int read;
            do {
                scratch.clear();
                read = connection.channel.read(scratch);
            } while (read > 0);
            if (read < 0) {
                closed(key, connection);
            }
        } catch (IOException reset) {
            closed(key, connection);
        }
    }

    private void sendKeepAlives() {
        for (SelectionKey key : selector.keys()) {
            Connection connection = (Connection) key.attachment();
            if (connection.kind == Kind.KEEP_ALIVE && key.isValid()) {
                try {
                    connection.channel.write(ByteBuffer.allocate(4)); // <length 0>: a keep-alive
                } catch (IOException reset) {
                    closed(key, connection);
                }
            }
        }
    }

    private static void closed(SelectionKey key, Connection connection) {
        if (connection.closedNanos == 0) {
            connection.closedNanos = System.nanoTime();
        }
        key.cancel();
        try {
            connection.channel.close();
        } catch (IOException e) {
            // closed either way
        }
    }

    /** Connections of {@code kind} the victim has not closed. */
    public int open(Kind kind) {
        synchronized (connections) {
            return (int) connections.stream().filter(c -> c.kind == kind && c.closedNanos == 0).count();
        }
    }

    /** How long the victim held each connection of {@code kind} it closed, in the order they opened. */
    public List<Duration> heldFor(Kind kind) {
        synchronized (connections) {
            return connections.stream().filter(c -> c.kind == kind && c.closedNanos != 0)
                    .map(c -> Duration.ofNanos(c.closedNanos - c.openedNanos)).toList();
        }
    }

    /** Open and closed connections of each kind, with the longest and shortest hold of the closed. */
    public String summary() {
        Map<Kind, String> lines = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            List<Duration> held = heldFor(kind);
            if (held.isEmpty() && open(kind) == 0) {
                continue;
            }
            String range = held.isEmpty() ? "" : String.format(java.util.Locale.ROOT, ", held %.1f..%.1f s",
                    held.stream().min(Duration::compareTo).orElseThrow().toMillis() / 1000.0,
                    held.stream().max(Duration::compareTo).orElseThrow().toMillis() / 1000.0);
            lines.put(kind, open(kind) + " open, " + held.size() + " closed by the victim" + range);
        }
        return lines.toString();
    }

    @Override
    public void close() {
        closing = true;
        selector.wakeup();
        try {
            loop.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (connections) {
            for (Connection connection : connections) {
                try {
                    connection.channel.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
