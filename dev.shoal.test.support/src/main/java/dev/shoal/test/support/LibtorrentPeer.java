package dev.shoal.test.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real libtorrent 2.0 peer (Debian's python3-libtorrent) for one torrent, on 127.0.0.1 only, as
 * seed or leecher: the reference client Shoal must interoperate with, and the fastest one to set a
 * swarm going. The Python side ({@code libtorrent_peer.py}, shipped beside this class) prints its
 * status five times a second; this class follows it so a test can wait for completion, uploads or
 * hash failures, and it reads commands (dial a peer) on its stdin. It quits when its stdin closes, so
 * it cannot outlive the JVM.
 */
public final class LibtorrentPeer implements RealPeer<LibtorrentPeer.Status> {

    private static final String SCRIPT = "libtorrent_peer.py";
    private static final Duration READY_WITHIN = Duration.ofSeconds(30);
    private static final Pattern HASH_FAILED = Pattern.compile("hash for piece (\\d+) failed");

    /** One status line of the peer. Byte counts are payload, for this session of the peer. */
    public record Status(String state, double progress, long done, long wanted, long uploaded, long downloaded,
            int peers, int seeds, long failedBytes, int hashFailures, String error) implements RealPeer.Status {

        static final Status NONE = new Status("starting", 0, 0, 0, 0, 0, 0, 0, 0, 0, "");

        static Status parse(String line) {
            Map<String, String> fields = new HashMap<>();
            for (String word : line.substring("status ".length()).split(" ")) {
                int equals = word.indexOf('=');
                fields.put(word.substring(0, equals), word.substring(equals + 1));
            }
            return new Status(fields.get("state"), Double.parseDouble(fields.get("progress")),
                    Long.parseLong(fields.get("done")), Long.parseLong(fields.get("wanted")),
                    Long.parseLong(fields.get("uploaded")), Long.parseLong(fields.get("downloaded")),
                    Integer.parseInt(fields.get("peers")), Integer.parseInt(fields.get("seeds")),
                    Long.parseLong(fields.get("failed")), Integer.parseInt(fields.get("hashfails")),
                    fields.get("error"));
        }

        /** Every wanted byte is there and checked. */
        @Override
        public boolean complete() {
            return wanted > 0 && done == wanted && ("seeding".equals(state) || "finished".equals(state));
        }
    }

    /**
     * What {@link #blockCounts()} answers: the payload bytes uploaded, and those sent again, by epoch
     * ({@link #newEpoch()}): {@code refetched.get(e)} are the bytes of blocks sent in epoch {@code e}
     * and sent again in a later one, {@code refetchedPieces.get(e)} how many pieces they belong to,
     * {@code refetchedBlocks.get(e)} which blocks they are (numbered through the torrent, 16 KiB each);
     * {@code repeats} the bytes sent twice within one epoch.
     */
    public record BlockCounts(int epoch, long uploaded, long repeats, List<Long> refetched,
            List<Long> refetchedPieces, List<BitSet> refetchedBlocks) {

        private static final Pattern LINE = Pattern.compile("blocks epoch=(\\d+) uploaded=(\\d+) repeats=(\\d+)"
                + " refetched=([0-9:,]*) pieces=([0-9:,]*) list=([0-9:;,]*)");

        static BlockCounts parse(String line) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a blocks line: " + line);
            }
            List<BitSet> blocks = new ArrayList<>();
            for (String epoch : m.group(6).split(",")) {
                BitSet set = new BitSet();
                String list = epoch.substring(epoch.indexOf(':') + 1);
                for (String block : list.isEmpty() ? new String[0] : list.split(";")) {
                    set.set(Integer.parseInt(block));
                }
                if (!epoch.isEmpty()) {
                    blocks.add(set);
                }
            }
            return new BlockCounts(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)),
                    Long.parseLong(m.group(3)), byEpoch(m.group(4)), byEpoch(m.group(5)), List.copyOf(blocks));
        }

        private static List<Long> byEpoch(String pairs) {
            List<Long> values = new ArrayList<>();
            for (String pair : pairs.split(",")) {
                if (!pair.isEmpty()) {
                    values.add(Long.valueOf(pair.substring(pair.indexOf(':') + 1)));
                }
            }
            return List.copyOf(values);
        }
    }

    private final String host;
    private final int port;
    private ClientProcess process;
    private volatile Status status = Status.NONE;
    private volatile List<String> peers = List.of();
    private volatile boolean listening;
    private volatile boolean checked;
    private final AtomicInteger incoming = new AtomicInteger();
    private volatile int epoch;
    private volatile BlockCounts blockCounts;
    private final Set<Integer> failedPieces = ConcurrentHashMap.newKeySet();

    private LibtorrentPeer(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** A seed of {@code torrent} whose data is in {@code dataDir} (the folder that holds the torrent's name). */
    public static LibtorrentPeerBuilder seed(Torrent torrent, Path dataDir) {
        return new LibtorrentPeerBuilder(true, torrent, dataDir);
    }

    /** A leecher of {@code torrent} downloading into {@code downloadDir}. */
    public static LibtorrentPeerBuilder leecher(Torrent torrent, Path downloadDir) {
        return new LibtorrentPeerBuilder(false, torrent, downloadDir);
    }

    /** Runs the script with {@code options}; see {@link LibtorrentPeerBuilder#start()}. */
    static LibtorrentPeer start(LibtorrentPeerBuilder options) throws IOException {
        Path python = SystemProgram.requirePythonLibtorrent();
        int listen = options.listenPort();
        Path work = Files.createTempDirectory("libtorrent-peer");
        Path script = work.resolve(SCRIPT);
        try (InputStream in = LibtorrentPeer.class.getResourceAsStream(SCRIPT)) {
            Files.copy(Objects.requireNonNull(in, SCRIPT + " is not on the class path beside LibtorrentPeer"), script);
        } catch (IOException | RuntimeException e) {
            ClientProcess.deleteTree(work);
            throw e;
        }
        List<String> command = new ArrayList<>(List.of(python.toString(), "-u", script.toString()));
        command.addAll(options.arguments(listen));
        LibtorrentPeer peer = new LibtorrentPeer(options.host(), listen);
        peer.process = ClientProcess.start("libtorrent-" + (options.seeds() ? "seed" : "leecher") + "-" + listen,
                command, work, peer::onLine);
        try {
            peer.process.await("listening on port " + listen, READY_WITHIN, () -> peer.listening, peer::state);
            if (options.seeds()) {
                peer.await("seeding (data checked)", READY_WITHIN, status -> {
                    if (peer.checked && "downloading".equals(status.state())) {
                        fail("the seed's data in " + options.dir() + " does not match " + options.torrent().file()
                                + "\n" + peer.process.describe(peer::state));
                    }
                    return status.complete();
                });
            }
        } catch (RuntimeException | AssertionError e) {
            peer.close();
            throw e;
        }
        return peer;
    }

    private void onLine(String line) {
        if (line.startsWith("status ")) {
            status = Status.parse(line);
        } else if (line.startsWith("peers ")) {
            String list = line.substring("peers ".length());
            peers = list.isEmpty() ? List.of() : List.of(list.split(","));
        } else if (line.startsWith("epoch ")) {
            epoch = Integer.parseInt(line.substring("epoch ".length()).trim());
        } else if (line.startsWith("blocks ")) {
            blockCounts = BlockCounts.parse(line);
        } else if (line.startsWith("listening ")) {
            listening = true;
        } else if (line.startsWith("alert incoming_connection_alert")) {
            incoming.incrementAndGet();
        } else if (line.startsWith("alert torrent_checked_alert")) {
            checked = true;
        } else if (line.startsWith("alert hash_failed_alert")) {
            Matcher piece = HASH_FAILED.matcher(line);
            if (piece.find()) {
                failedPieces.add(Integer.valueOf(piece.group(1)));
            }
        }
    }

    @Override
    public int port() {
        return port;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(host, port);
    }

    /** The latest status line (five a second). */
    @Override
    public Status status() {
        return status;
    }

    public int hashFailures() {
        return status.hashFailures();
    }

    /** The pieces whose hash check failed, as libtorrent reported them. */
    public Set<Integer> failedPieces() {
        return Set.copyOf(failedPieces);
    }

    /**
     * The connected peers, each as {@code ip:port client src=SOURCES}, SOURCES being how libtorrent
     * learned of it ({@code tracker}, {@code pex}, {@code incoming}, ... joined by {@code +}).
     */
    public List<String> peers() {
        return peers;
    }

    /** The connections it accepted so far (libtorrent's incoming_connection_alert). */
    public int incomingConnections() {
        return incoming.get();
    }

    /** Dials a peer on its loopback address (127.0.0.1, or ::1) now. */
    public void connect(int peerPort) {
        command("connect " + host + " " + peerPort);
    }

    /**
     * Changes the upload limit of a peer started with one (0 lifts it); the alternative, a limit
     * set only now, would not reach loopback peers.
     */
    public void uploadLimit(long bytesPerSecond) {
        command("upload_limit " + bytesPerSecond);
    }

    /**
     * Starts the next epoch of the block counts (a peer of its was killed, say) once every block
     * sent so far is counted in the current one; returns the new epoch's number.
     */
    public int newEpoch(Duration timeout) {
        int next = epoch + 1;
        command("epoch");
        process.await("epoch " + next, timeout, () -> epoch >= next, this::state);
        return next;
    }

    /** The block counts now (started with {@link LibtorrentPeerBuilder#countBlocks()}). */
    public BlockCounts blockCounts(Duration timeout) {
        BlockCounts before = blockCounts;
        command("blocks");
        process.await("block counts", timeout, () -> blockCounts != before, this::state);
        return blockCounts;
    }

    private synchronized void command(String line) {
        try {
            OutputStream stdin = process.stdin();
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("libtorrent peer on port " + port + " no longer reads commands:\n"
                    + process.tail(), e);
        }
    }

    /** Waits until at least {@code count} pieces failed their hash check. */
    public void awaitHashFailures(int count, Duration timeout) {
        await(count + " hash failures", timeout, status -> status.hashFailures() >= count);
    }

    /**
     * Waits until {@code goal} holds for the latest status; a torrent error fails at once. The upload
     * counter moves about once a second.
     */
    @Override
    public void await(String what, Duration timeout, Predicate<? super Status> goal) {
        process.await(what, timeout, () -> {
            Status now = status;
            if (!now.error().isEmpty()) {
                fail("libtorrent reports an error: " + now.error() + "\n" + process.describe(this::state));
            }
            return goal.test(now);
        }, this::state);
    }

    /** The last lines the peer printed (events, not status lines). */
    @Override
    public String logTail() {
        return process.tail();
    }

    private String state() {
        return status + " peers=" + peers;
    }

    /** Stops the peer: closes its stdin (its cue to quit) and kills it. */
    @Override
    public void close() {
        if (process != null) {
            try {
                process.stdin().close();
            } catch (IOException e) {
                // it is being killed anyway
            }
            process.close();
        }
    }
}
