package dev.shoal.bench.jmh;

import dev.shoal.metainfo.FileEntry;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.metainfo.TorrentVersion;
import dev.shoal.peer.internal.codec.BlockPool;
import dev.shoal.peer.internal.codec.Frames;
import dev.shoal.peer.internal.codec.HandshakeCodec;
import dev.shoal.peer.internal.codec.WireException;
import dev.shoal.peer.internal.codec.WireLimits;
import dev.shoal.peer.internal.mina.PeerWireDecoder;
import dev.shoal.peer.internal.wire.Handshake;
import dev.shoal.peer.internal.wire.PeerId;
import dev.shoal.peer.internal.wire.Piece;
import dev.shoal.peer.internal.wire.Reserved;
import dev.shoal.storage.api.PieceListener;
import dev.shoal.storage.api.PieceResult;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.api.StorageOptions;
import dev.shoal.storage.internal.DiskPool;
import dev.shoal.storage.internal.DiskStorage;
import dev.shoal.storage.internal.io.ChannelOpener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.filter.codec.ProtocolCodecSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The inner loop of a download, one 16 KiB block at a time: a {@code piece} frame decoded from the
 * bytes a socket read gave (what {@code PeerWireDecoder} does on a MINA I/O thread), then handed to a
 * real {@link DiskStorage} on a temp folder as the swarm's {@code WriteGate} hands it (the write, the
 * streaming SHA-1, the completion). Scores are blocks per second; {@code -prof gc} gives the bytes
 * allocated per block ({@code gc.alloc.rate.norm}).
 *
 * <ul>
 * <li>{@code decode}: the frame to a {@link Piece}, released at once.
 * <li>{@code decodeReads}: the torrent's frames as 64 KiB socket reads through MINA's cumulative
 * decoder ({@code PeerWireDecoder}), which is where a frame cut by a read costs.
 * <li>{@code decodeAndStore}: a whole torrent of {@value #PIECES} pieces × 256 KiB per invocation,
 * each block decoded and written, until every piece has been hashed; a fresh storage each time
 * (opening it is outside the measurement).
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Benchmark)
public class BlockPathBenchmark {

    static final int BLOCK = 16 * 1024;
    static final int PIECE_LENGTH = 256 * 1024;
    static final int PIECES = 128;
    static final int BLOCKS = PIECES * PIECE_LENGTH / BLOCK;
    static final int READ = 64 * 1024;
    /** The disk threads the storage runs on, as the storage component's are. */
    static final DiskPool DISKS = new DiskPool(DiskPool.defaultSize());

    /**
     * Where blocks are decoded into: {@code none} a fresh array each (a pool that keeps nothing, as
     * before the pool), {@code heap} or {@code direct} the swarm's pool of such buffers, each released
     * once its write completed (or, without a storage, at once).
     */
    @Param({"none", "heap", "direct"})
    public String pool;

    private BlockPool blocks;
    private Frames frames;
    private final WireLimits limits = WireLimits.DEFAULT.withPieceCount(PIECES);
    private Metainfo torrent;
    /** Every block of the torrent as piece frames, in order: what the seed sends. */
    private ByteBuffer wire;
    private final byte[] handshake = new HandshakeCodec().encode(new Handshake(Reserved.NONE,
            InfoHash.fromHex("aa".repeat(20)), PeerId.generate(new Random(1))));
    private Path temp;
    /** Stands for the swarm's lock, which a write's completion takes only when it failed. */
    private final Object swarmLock = new Object();
    private long failed;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        blocks = switch (pool) {
            case "none" -> new BlockPool(0, BLOCK, false, false);
            case "heap" -> new BlockPool(BlockPool.DEFAULT_BUFFERS, BLOCK, false, false);
            case "direct" -> new BlockPool(BlockPool.DEFAULT_BUFFERS, BLOCK, true, false);
            default -> throw new IllegalArgumentException("pool: none, heap or direct, not " + pool);
        };
        frames = new Frames(blocks);
        byte[] content = new byte[PIECES * PIECE_LENGTH];
        new Random(42).nextBytes(content);
        torrent = metainfo(content);
        wire = ByteBuffer.allocate(BLOCKS * (4 + 9 + BLOCK));
        for (int piece = 0; piece < PIECES; piece++) {
            for (int begin = 0; begin < PIECE_LENGTH; begin += BLOCK) {
                wire.putInt(9 + BLOCK).put((byte) 7).putInt(piece).putInt(begin)
                        .put(content, piece * PIECE_LENGTH + begin, BLOCK);
            }
        }
        wire.flip();
        temp = Files.createTempDirectory("shoal-jmh-block");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(temp)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public int decode() throws WireException {
        if (!wire.hasRemaining()) {
            wire.rewind();
        }
        Piece piece = (Piece) frames.next(wire, limits);
        piece.release();
        return piece.begin();
    }

    /**
     * The torrent's bytes as socket reads of {@value #READ} bytes (MINA's read buffer size here), each
     * in a fresh buffer as MINA's processor allocates them, through the real cumulative decoder: the
     * frames that a read cuts are what this measures. The handshake first, as on a connection.
     */
    @Benchmark
    @OperationsPerInvocation(BLOCKS)
    public int decodeReads() throws Exception {
        ProtocolCodecSession session = new ProtocolCodecSession();
        PeerWireDecoder decoder = new PeerWireDecoder(new HandshakeCodec(), frames);
        // The dummy session says its transport does not fragment; a socket does, so accumulate.
        decoder.setTransportMetadataFragmentation(false);
        feed(decoder, session, IoBuffer.wrap(handshake));
        Queue<Object> decoded = session.getDecoderOutputQueue();
        decoded.clear();
        byte[] bytes = wire.array();
        int pieces = 0;
        for (int from = 0; from < wire.limit(); from += READ) {
            int length = Math.min(READ, wire.limit() - from);
            IoBuffer read = IoBuffer.allocate(READ).put(bytes, from, length).flip();
            feed(decoder, session, read);
            for (Object message = decoded.poll(); message != null; message = decoded.poll()) {
                ((Piece) message).release();
                pieces++;
            }
        }
        if (pieces != BLOCKS) {
            throw new IllegalStateException(pieces + " pieces decoded of " + BLOCKS);
        }
        return pieces;
    }

    /** As ProtocolCodecFilter does: the decoder stops after the handshake, the rest comes next. */
    private static void feed(PeerWireDecoder decoder, ProtocolCodecSession session, IoBuffer read)
            throws Exception {
        while (read.hasRemaining()) {
            decoder.decode(session, read, session.getDecoderOutput());
        }
    }

    /** A fresh, empty storage for each pass over the torrent: opened and closed outside the measurement. */
    @State(Scope.Thread)
    public static class Disk {
        DiskStorage storage;
        CountDownLatch checked;

        @Setup(Level.Invocation)
        public void open(BlockPathBenchmark bench) throws IOException, StorageException {
            Path downloads = bench.temp.resolve("downloads");
            if (Files.exists(downloads)) {
                try (Stream<Path> files = Files.walk(downloads)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            CountDownLatch latch = new CountDownLatch(PIECES);
            checked = latch;
            PieceListener listener = new PieceListener() {
                @Override
                public void pieceChecked(PieceResult result) {
                    if (!result.verified()) {
                        throw new IllegalStateException("piece " + result.piece() + " failed its hash");
                    }
                    latch.countDown();
                }

                @Override
                public void storageFailed(StorageException failure) {
                    throw new IllegalStateException(failure);
                }
            };
            StorageOptions options = StorageOptions.DEFAULT.withResumeInterval(Duration.ofHours(1));
            storage = DiskStorage.open(bench.torrent, downloads, bench.temp.resolve("torrent.resume"), options,
                    listener, ChannelOpener.DEFAULT, DISKS);
            storage.ready().toCompletableFuture().join();
        }

        @TearDown(Level.Invocation)
        public void close() throws StorageException {
            storage.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BLOCKS)
    public long decodeAndStore(Disk disk) throws WireException, InterruptedException {
        ByteBuffer in = wire.duplicate();
        while (in.hasRemaining()) {
            Piece piece = (Piece) frames.next(in, limits);
            // As WriteGate: the storage's own view of the block; the lock only for a failed write.
            disk.storage.writeBlock(piece.piece(), piece.begin(), piece.toStore())
                    .whenComplete((ok, failure) -> {
                        piece.release();
                        if (failure != null) {
                            synchronized (swarmLock) {
                                failed++;
                            }
                        }
                    });
        }
        if (!disk.checked.await(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("pieces not all checked within a minute");
        }
        return failed;
    }

    private static Metainfo metainfo(byte[] content) {
        byte[] hashes = new byte[PIECES * 20];
        for (int i = 0; i < PIECES; i++) {
            System.arraycopy(sha1(Arrays.copyOfRange(content, i * PIECE_LENGTH, (i + 1) * PIECE_LENGTH)), 0,
                    hashes, i * 20, 20);
        }
        String name = "block-path.bin";
        FileEntry file = new FileEntry(List.of(name), content.length, 0, Set.of(), List.of(), new byte[0]);
        byte[] rawInfo = (name + ":" + Arrays.hashCode(hashes)).getBytes(StandardCharsets.UTF_8);
        return new Metainfo(name, TorrentVersion.V1, PIECE_LENGTH, PIECES, content.length, List.of(file), true,
                List.of(), List.of(), false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(InfoHash.v1(sha1(rawInfo))), Optional.empty(), hashes, rawInfo, List.of());
    }

    private static byte[] sha1(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
