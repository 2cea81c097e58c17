package dev.shoal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.create.standalone.StandaloneTorrentCreator;
import dev.shoal.engine.api.AddMagnet;
import dev.shoal.engine.api.AddTorrent;
import dev.shoal.engine.api.PeerLookup;
import dev.shoal.engine.api.PeerSink;
import dev.shoal.engine.api.PeerSource;
import dev.shoal.engine.api.RateLimits;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentListener;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.api.TorrentStatus;
import dev.shoal.engine.internal.TestTorrents.Spec;
import dev.shoal.metainfo.CreateRequest;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.metainfo.Metainfo;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two extension points beside the trackers: a {@link PeerSource} is the only way the leecher
 * can find the seeder here (its tracker is dead), and {@link TorrentListener#completed} /
 * {@link TorrentListener#failed} name the moves plugins act on.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PeerSourceTest {

    /** Nothing listens on the discard port: every announce fails, so no tracker hands out peers. */
    private static final List<String> DEAD_TRACKER = List.of("http://127.0.0.1:9/announce");

    @TempDir
    Path temp;

    /** Hands out one fixed address, a plain list kept by hand; counts its open lookups. */
    static final class FixedPeers implements PeerSource {

        final InetSocketAddress peer;
        final List<InfoHash> asked = new CopyOnWriteArrayList<>();
        final AtomicInteger open = new AtomicInteger();

        FixedPeers(InetSocketAddress peer) {
            this.peer = peer;
        }

        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public PeerLookup lookup(InfoHash infoHash, int listenPort, PeerSink sink) {
            asked.add(infoHash);
            open.incrementAndGet();
            // A flood too: the sink keeps 200 of these, the swarm dials what it wants.
            List<InetSocketAddress> many = new ArrayList<>(Collections.nCopies(5_000, peer));
            many.add(null);
            sink.found(many);
            return open::decrementAndGet;
        }
    }

    /** Keeps each torrent's sink, for the test to deliver to and ask; finds nothing by itself. */
    static final class KeptSinks implements PeerSource {

        final Map<InfoHash, PeerSink> sinks = new ConcurrentHashMap<>();

        @Override
        public String name() {
            return "kept";
        }

        @Override
        public PeerLookup lookup(InfoHash infoHash, int listenPort, PeerSink sink) {
            sinks.put(infoHash, sink);
            return () -> { };
        }

        PeerSink await(InfoHash infoHash) {
            Events.Await.until(() -> sinks.containsKey(infoHash), Duration.ofSeconds(15),
                    () -> "looked up " + infoHash.hex());
            return sinks.get(infoHash);
        }
    }

    /** Hears only the two named moves. */
    static final class Outcomes implements TorrentListener {

        final List<String> heard = new CopyOnWriteArrayList<>();

        @Override
        public void completed(Torrent torrent, TorrentStatus status) {
            heard.add("completed " + torrent.status().name() + " " + status.verifiedBytes());
        }

        @Override
        public void failed(Torrent torrent, TorrentStatus status) {
            heard.add("failed " + torrent.status().name() + ": " + status.error().orElse("?"));
        }
    }

    @Test
    void a_peer_source_alone_brings_the_seeder_and_completion_is_heard_once() throws Exception {
        Path seedFiles = temp.resolve("a");
        Metainfo metainfo = TestTorrents.create(seedFiles, "sourced", 32 * 1024, DEAD_TRACKER, 11,
                new Spec("one.bin", 400_001), new Spec("two/two.bin", 90_000));
        try (Rig a = new Rig(temp.resolve("resume-a"), Rig.storage());
                Rig b = new Rig(temp.resolve("resume-b"), Rig.storage())) {
            a.seed(metainfo, seedFiles);
            Outcomes outcomes = new Outcomes();
            b.engine.addListener(outcomes);
            FixedPeers source = new FixedPeers(new InetSocketAddress("127.0.0.1", a.engine.listenPort()));
            b.engine.addPeerSource(source);

            Torrent leecher = b.engine.add(AddTorrent.of(metainfo, temp.resolve("b"))
                    .withSeedGoal(EngineTest.RATIO_ZERO));
            b.events.await("sourced", "SEEDING>FINISHED", Duration.ofSeconds(60));

            assertEquals(List.of(metainfo.infoHash()), source.asked);
            assertEquals(Set.of("fixed /127.0.0.1:" + a.engine.listenPort()), Set.copyOf(b.swarms.sourcesAdded),
                    "the swarm hears the peer source's name");
            assertEquals(List.of("completed sourced " + metainfo.totalLength()), outcomes.heard);
            assertEquals(metainfo.totalLength(), leecher.status().verifiedBytes());
            for (int i = 0; i < metainfo.files().size(); i++) {
                assertEquals(-1L, Files.mismatch(TestTorrents.file(seedFiles, metainfo, i),
                        TestTorrents.file(temp.resolve("b"), metainfo, i)));
            }
            Events.Await.until(() -> source.open.get() == 0, Duration.ofSeconds(10),
                    () -> "the finished torrent's lookup was closed: " + source.open.get() + " open");
        }
    }

    /** With no peer the sink wants {@code limit}; handed the peer at {@code port}, one fewer once connected. */
    private static void assertWantsOneFewerOnceConnected(PeerSink sink, int limit, int port) {
        assertEquals(limit, sink.peersWanted(), "no peer yet: as many as the connection limit");
        sink.found(List.of(new InetSocketAddress("127.0.0.1", port)));
        Events.Await.until(() -> sink.peersWanted() == limit - 1, Duration.ofSeconds(30),
                () -> "connected: one fewer wanted, not " + sink.peersWanted());
    }

    @Test
    void a_torrent_wants_peers_up_to_its_connection_limit_and_none_once_its_lookup_is_closed() throws Exception {
        Path seedFiles = temp.resolve("a");
        Metainfo metainfo = TestTorrents.create(seedFiles, "wanting", 32 * 1024, DEAD_TRACKER, 12,
                new Spec("w.bin", 600_000));
        try (Rig a = new Rig(temp.resolve("resume-a"), Rig.storage());
                Rig b = new Rig(temp.resolve("resume-b"), Rig.storage())) {
            a.seed(metainfo, seedFiles);
            KeptSinks source = new KeptSinks();
            b.engine.addPeerSource(source);
            int limit = b.service.connectionsPerTorrent();
            // Slowed to 100 KiB/s, so that the connection is seen before the download is done.
            b.engine.add(AddTorrent.of(metainfo, temp.resolve("b")).withSeedGoal(EngineTest.RATIO_ZERO)
                    .withRateLimits(new RateLimits(100 * 1024, 0)));
            PeerSink sink = source.await(metainfo.infoHash());
            assertWantsOneFewerOnceConnected(sink, limit, a.engine.listenPort());
            b.events.await("wanting", "SEEDING>FINISHED", Duration.ofSeconds(60));
            Events.Await.until(() -> sink.peersWanted() == 0, Duration.ofSeconds(10),
                    () -> "a finished torrent's closed lookup wants none, not " + sink.peersWanted());
        }
    }

    @Test
    void a_magnet_fetching_its_metadata_wants_peers_by_the_fetchs_connections() throws Exception {
        Metainfo metainfo = TestTorrents.create(temp.resolve("files"), "sought", 32 * 1024, List.of(), 13,
                new Spec("s.bin", 100_000));
        MagnetLink link = new MagnetLink(Optional.of(metainfo.infoHash()), Optional.empty(), Optional.of("sought"),
                List.of(), List.of(), List.of(), new TreeSet<>());
        try (Rig a = new Rig(temp.resolve("resume-a"), Rig.storage());
                Rig b = new Rig(temp.resolve("resume-b"), Rig.storage())) {
            // Fetching the same metadata, which nobody has: a peer that connects and stays, offering none.
            a.engine.add(AddMagnet.of(link, temp.resolve("a-downloads")));
            KeptSinks source = new KeptSinks();
            b.engine.addPeerSource(source);
            int limit = b.service.connectionsPerTorrent();
            Torrent magnet = b.engine.add(AddMagnet.of(link, temp.resolve("b-downloads")));
            PeerSink sink = source.await(metainfo.infoHash());
            assertWantsOneFewerOnceConnected(sink, limit, a.engine.listenPort());
            magnet.pause();
            Events.Await.until(() -> sink.peersWanted() == 0, Duration.ofSeconds(10),
                    () -> "a paused magnet's closed lookup wants none, not " + sink.peersWanted());
        }
    }

    @Test
    void a_private_torrent_never_asks_a_peer_source_and_a_source_that_goes_closes_its_lookups() throws Exception {
        Path files = temp.resolve("files");
        TestTorrents.create(files, "private", 32 * 1024, List.of(), 3, new Spec("p.bin", 50_000));
        Metainfo secret = new StandaloneTorrentCreator(1).create(CreateRequest.builder(files.resolve("private"))
                .tracker(DEAD_TRACKER.get(0)).privateFlag(true).noCreationDate().build()).metainfo();
        Metainfo open = TestTorrents.create(files, "public", 32 * 1024, DEAD_TRACKER, 4, new Spec("q.bin", 50_000));
        try (Rig rig = Rig.in(temp)) {
            FixedPeers source = new FixedPeers(new InetSocketAddress("127.0.0.1", 9));
            rig.engine.addPeerSource(source);
            Torrent secretTorrent = rig.engine.add(AddTorrent.of(secret, temp.resolve("downloads")));
            Torrent openTorrent = rig.engine.add(AddTorrent.of(open, temp.resolve("downloads")));
            Rig.awaitState(secretTorrent, TorrentState.DOWNLOADING, Duration.ofSeconds(15));
            Rig.awaitState(openTorrent, TorrentState.DOWNLOADING, Duration.ofSeconds(15));

            assertEquals(List.of(open.infoHash()), source.asked);
            assertEquals(1, source.open.get());
            rig.engine.removePeerSource(source);
            assertEquals(0, source.open.get(), "the source's lookups close when it goes");
            FixedPeers another = new FixedPeers(new InetSocketAddress("127.0.0.1", 9));
            rig.engine.addPeerSource(another);
            assertEquals(List.of(open.infoHash()), another.asked, "a source that arrives joins running torrents");
        }
    }

    @Test
    void a_failure_is_heard_as_failed_with_its_reason() throws Exception {
        Path seedFiles = temp.resolve("a");
        Metainfo metainfo = TestTorrents.create(seedFiles, "doomed", 32 * 1024, DEAD_TRACKER, 5,
                new Spec("clip.bin", 300_000));
        try (Rig a = new Rig(temp.resolve("resume-a"), Rig.storage());
                Rig b = new Rig(temp.resolve("resume-b"), Rig.storage(dev.shoal.storage.api.StorageOptions.DEFAULT,
                        Rig.fullDiskFor("clip.bin")))) {
            a.seed(metainfo, seedFiles);
            Outcomes outcomes = new Outcomes();
            b.engine.addListener(outcomes);
            b.engine.addPeerSource(new FixedPeers(new InetSocketAddress("127.0.0.1", a.engine.listenPort())));
            Torrent leecher = b.engine.add(AddTorrent.of(metainfo, temp.resolve("b")));
            Rig.awaitState(leecher, TorrentState.ERROR, Duration.ofSeconds(60));

            Events.Await.until(() -> !outcomes.heard.isEmpty(), Duration.ofSeconds(10), () -> "failed was heard");
            assertEquals(1, outcomes.heard.size(), () -> outcomes.heard.toString());
            assertTrue(outcomes.heard.get(0).startsWith("failed doomed: disk full writing"), outcomes.heard.get(0));
        }
    }
}
