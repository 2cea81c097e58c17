package dev.shoal.peer.internal.swarm;

import dev.shoal.create.standalone.StandaloneTorrentCreator;
import dev.shoal.metainfo.CreateRequest;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.api.Swarm;
import dev.shoal.peer.api.SwarmListener;
import dev.shoal.storage.api.PieceListener;
import dev.shoal.storage.api.PieceResult;
import dev.shoal.storage.api.StorageOptions;
import dev.shoal.storage.api.TorrentStorage;
import dev.shoal.storage.internal.DiskPool;
import dev.shoal.storage.internal.DiskStorage;
import dev.shoal.storage.internal.io.ChannelOpener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Test fixtures: a multi-file torrent on disk, and a peer (swarm service + storage + swarm) of it. */
final class SwarmPair {

    /** The disk threads every pair's storage shares, as the storage component's torrents do. */
    private static final DiskPool DISKS = new DiskPool(DiskPool.defaultSize());

    private SwarmPair() {
    }

    /** Writes files of {@code sizes} bytes under {@code root/name} and makes a torrent of them. */
    static Metainfo makeTorrent(Path root, String name, int pieceLength, long... sizes) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        SplittableRandom random = new SplittableRandom(sizes.length * 31L + pieceLength);
        for (int i = 0; i < sizes.length; i++) {
            Path file = dir.resolve(i % 2 == 0 ? "f" + i + ".bin" : "sub/dir/f" + i + ".bin");
            Files.createDirectories(file.getParent());
            byte[] data = new byte[(int) sizes[i]];
            for (int j = 0; j < data.length; j++) {
                data[j] = (byte) random.nextInt();
            }
            Files.write(file, data);
        }
        CreateRequest request = CreateRequest.builder(dir).pieceLength(pieceLength).noCreationDate().build();
        return new StandaloneTorrentCreator(1).create(request).metainfo();
    }

    static void await(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        await(condition, limit, () -> what);
    }

    /** As above, {@code what} asked only on a timeout: it may describe the state the wait ended in. */
    static void await(BooleanSupplier condition, Duration limit, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit + " waiting for " + what.get());
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /** One peer of a torrent: its own service (port), storage and swarm. */
    static final class Peer implements AutoCloseable {

        final SwarmComponent service;
        final TorrentStorage storage;
        final Swarm swarm;
        final List<PieceResult> results = new CopyOnWriteArrayList<>();
        final List<String> bans = new CopyOnWriteArrayList<>();
        private final boolean ownsService;

        Peer(Metainfo torrent, Path downloads, Path resume, SwarmSettings settings) throws Exception {
            this(new SwarmComponent(settings), true, torrent, downloads, resume);
        }

        /** A peer on {@code service}, which the caller closes. */
        Peer(SwarmComponent service, Metainfo torrent, Path downloads, Path resume) throws Exception {
            this(service, false, torrent, downloads, resume);
        }

        private Peer(SwarmComponent service, boolean ownsService, Metainfo torrent, Path downloads, Path resume)
                throws Exception {
            this.service = service;
            this.ownsService = ownsService;
            Swarm[] joined = new Swarm[1];
            PieceListener listener = result -> {
                results.add(result);
                Swarm swarm = joined[0];
                if (swarm != null) {
                    swarm.pieceChecked(result);
                }
            };
            StorageOptions options = StorageOptions.DEFAULT.withResumeInterval(Duration.ofHours(1));
            this.storage = DiskStorage.open(torrent, downloads, resume, options, listener, ChannelOpener.DEFAULT,
                    DISKS);
            storage.ready().toCompletableFuture().get(30, TimeUnit.SECONDS);
            this.swarm = service.join(torrent, storage, new SwarmListener() {
                @Override
                public void peerBanned(java.net.InetSocketAddress address, String reason) {
                    bans.add(address + ": " + reason);
                }
            });
            joined[0] = swarm;
        }

        java.net.InetSocketAddress address() {
            return new java.net.InetSocketAddress("127.0.0.1", service.listenPort());
        }

        boolean complete() {
            return storage.verified().isComplete();
        }

        @Override
        public void close() throws Exception {
            swarm.close();
            try {
                storage.close();
            } finally {
                if (ownsService) {
                    service.close();
                }
            }
        }
    }
}
