package dev.shoal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.engine.api.AddTorrent;
import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.api.TrackerInfo;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.test.support.OpenTracker;
import dev.shoal.tracker.api.AnnounceEvent;
import dev.shoal.tracker.api.AnnounceListener;
import dev.shoal.tracker.api.AnnounceRequest;
import dev.shoal.tracker.api.AnnounceSession;
import dev.shoal.tracker.api.LocalPeer;
import dev.shoal.tracker.api.TrackerPeer;
import dev.shoal.tracker.api.TrackerState;
import dev.shoal.tracker.api.TransferStats;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The engine announcing to a real opentracker on 127.0.0.1, over HTTP and UDP. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TrackerTest {

    /** For what opentracker, a process on a loaded machine, must come to. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    private int port;
    /** The tracker over HTTP and over UDP: one opentracker answers both on one port. */
    private String url;
    private String udp;

    @BeforeEach
    void setUp() throws Exception {
        port = OpenTracker.freePort();
        url = "http://127.0.0.1:" + port + "/announce";
        udp = "udp://127.0.0.1:" + port + "/announce";
    }

    private OpenTracker trackerFor(Metainfo metainfo) throws Exception {
        return OpenTracker.start(List.of(metainfo.infoHash().hex()), port);
    }

    private Path downloads() {
        return temp.resolve("downloads");
    }

    /** Another client's announce session for the torrent, answered once before it returns. */
    private static AnnounceSession otherClient(Rig rig, InfoHash hash, String url, String peerId, int port) {
        AnnounceSession session = rig.announcer.open(hash, List.of(List.of(url)),
                new LocalPeer(peerId.getBytes(StandardCharsets.US_ASCII), port), new AnnounceListener() {
                    @Override
                    public void peersReceived(String trackerUrl, List<TrackerPeer> peers) {
                    }
                }, () -> new TransferStats(0, 0, 1000));
        Events.Await.until(() -> session.status().get(0).state() == TrackerState.WORKING, WAIT,
                () -> "the other client was not answered: " + session.status());
        return session;
    }

    /** Seeders the tracker counts for the torrent (its scrape). */
    private static long seeders(Rig rig, String url, InfoHash hash) {
        return rig.http.scrape(URI.create(url), List.of(hash)).toCompletableFuture().orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                .join().stats(hash).map(stats -> stats.complete()).orElse(0L);
    }

    @Test
    void a_seeding_torrent_is_given_the_other_peers_but_never_itself() throws Exception {
        Metainfo metainfo = TestTorrents.small(downloads(), "announced", List.of(url));
        InfoHash hash = metainfo.infoHash();
        try (OpenTracker tracker = trackerFor(metainfo); Rig rig = Rig.in(temp)) {
            AnnounceSession other = otherClient(rig, hash, url, "-XX0001-otherotherot", 7001);
            // What the tracker hands back as a peer when we announced before: our own port on this host.
            AnnounceSession us = otherClient(rig, hash, url, "-XX0001-ourselvesxxx", rig.engine.listenPort());

            Torrent torrent = rig.engine.add(AddTorrent.of(metainfo, downloads()).withSeedGoal(SeedGoal.FOREVER));
            Rig.awaitState(torrent, TorrentState.SEEDING, WAIT);
            Events.Await.until(() -> !rig.swarms.peersAdded.isEmpty(), WAIT, () -> "no peers reached the swarm");

            assertEquals(List.of(new InetSocketAddress("127.0.0.1", 7001)), rig.swarms.peersAdded);
            assertTrue(rig.swarms.threads.stream().allMatch("shoal-engine"::equals));
            Events.Await.until(() -> torrent.status().trackers().get(0).working(), WAIT,
                    () -> "tracker " + torrent.status().trackers());
            TrackerInfo info = torrent.status().trackers().get(0);
            assertEquals(new TrackerInfo(url, true, Optional.empty(), 1, 0, info.nextAnnounce(), OptionalInt.of(1),
                    OptionalInt.of(1), info.lastAnnounce()), info,
                    "opentracker counts us and the other peer, one seeder, one leecher");
            assertTrue(info.lastAnnounce().isPresent(), "it answered");
            assertTrue(info.nextAnnounce().orElseThrow().isAfter(Instant.now()), "the next announce is to come");
            Events.Await.until(() -> seeders(rig, url, hash) == 1, WAIT, () -> "the tracker lists us as a seeder");
            other.close().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            us.close().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void pausing_says_stopped_to_a_udp_tracker_and_resuming_announces_again() throws Exception {
        Metainfo metainfo = TestTorrents.small(downloads(), "udp", List.of(udp));
        InfoHash hash = metainfo.infoHash();
        try (OpenTracker tracker = trackerFor(metainfo); Rig rig = Rig.in(temp)) {
            Torrent torrent = rig.engine.add(AddTorrent.of(metainfo, downloads()).withSeedGoal(SeedGoal.FOREVER));
            Events.Await.until(() -> seeders(rig, url, hash) == 1, WAIT, () -> "never announced");

            torrent.pause();
            Events.Await.until(() -> seeders(rig, url, hash) == 0, WAIT, () -> "the tracker never heard stopped");
            TrackerInfo paused = torrent.status().trackers().get(0);
            assertEquals(udp, paused.url());
            assertFalse(paused.working(), "a paused torrent has no tracker working for it");

            torrent.resume();
            Events.Await.until(() -> seeders(rig, url, hash) == 1, WAIT, () -> "never announced again");
        }
    }

    @Test
    void a_new_listening_port_is_announced_in_place_of_the_old() throws Exception {
        Metainfo metainfo = TestTorrents.small(downloads(), "moved", List.of(url));
        InfoHash hash = metainfo.infoHash();
        try (OpenTracker tracker = trackerFor(metainfo); Rig rig = Rig.in(temp)) {
            rig.seed(metainfo, downloads());
            InetSocketAddress before = new InetSocketAddress("127.0.0.1", rig.engine.listenPort());
            Events.Await.until(() -> peersOf(rig, url, hash).contains(before), WAIT, () -> "never announced");

            rig.engine.setListenPort(0);
            InetSocketAddress after = new InetSocketAddress("127.0.0.1", rig.engine.listenPort());
            Events.Await.until(() -> peersOf(rig, url, hash).equals(List.of(after)), WAIT,
                    () -> "the tracker hands out " + peersOf(rig, url, hash) + ", not only " + after);
        }
    }

    /** The peers the tracker hands a leecher that asks now. */
    private static List<InetSocketAddress> peersOf(Rig rig, String url, InfoHash hash) {
        AnnounceRequest request = new AnnounceRequest(hash, "-XX0001-askingasking".getBytes(StandardCharsets.US_ASCII),
                7002, 0, 0, 1000, AnnounceEvent.STARTED, 50, 1, Optional.empty());
        return rig.http.announce(URI.create(url), request).toCompletableFuture().orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                .join().peers().stream().map(TrackerPeer::address).filter(peer -> peer.getPort() != 7002).toList();
    }

    @Test
    void deactivating_the_engine_tells_the_trackers_and_saves_the_resume_data() throws Exception {
        Metainfo metainfo = TestTorrents.small(downloads(), "shutdown", List.of(url));
        InfoHash hash = metainfo.infoHash();
        try (OpenTracker tracker = trackerFor(metainfo); Rig rig = Rig.in(temp)) {
            rig.engine.add(AddTorrent.of(metainfo, downloads()).withSeedGoal(SeedGoal.FOREVER));
            Events.Await.until(() -> seeders(rig, url, hash) == 1, WAIT, () -> "never announced");
            Path resume = temp.resolve("resume").resolve(hash.hex() + ".resume");
            Files.deleteIfExists(resume); // saved after the check; it must be saved again at the end

            rig.engine.deactivate();
            assertEquals(0, seeders(rig, url, hash), "stopped was sent before deactivate returned");
            assertTrue(Files.exists(resume));
            assertEquals(0, rig.swarms.open.get());
        }
    }

    @Test
    void edited_trackers_are_announced_to_the_old_ones_hear_stopped_and_the_edit_is_kept() throws Exception {
        Metainfo metainfo = TestTorrents.small(downloads(), "edited", List.of(url));
        InfoHash hash = metainfo.infoHash();
        int otherPort = OpenTracker.freePort();
        String other = "http://127.0.0.1:" + otherPort + "/announce";
        try (OpenTracker first = trackerFor(metainfo);
                OpenTracker second = OpenTracker.start(List.of(hash.hex()), otherPort)) {
            try (Rig rig = Rig.in(temp)) {
                Torrent torrent = rig.engine.add(AddTorrent.of(metainfo, downloads()).withSeedGoal(SeedGoal.FOREVER));
                Events.Await.until(() -> seeders(rig, url, hash) == 1, WAIT, () -> "never announced");
                assertEquals(List.of(List.of(url)), torrent.trackers());
                assertTrue(torrent.edited().isEmpty());

                torrent.setTrackers(List.of(List.of(" " + other + " ", "")));

                assertEquals(List.of(List.of(other)), torrent.trackers());
                assertTrue(torrent.edited().isPresent());
                Events.Await.until(() -> seeders(rig, other, hash) == 1, WAIT, () -> "the new tracker never heard us");
                Events.Await.until(() -> seeders(rig, url, hash) == 0, WAIT, () -> "the old tracker never heard stopped");
                Events.Await.until(() -> torrent.status().trackers().stream().map(TrackerInfo::url).toList()
                        .equals(List.of(other)), WAIT, () -> "status shows " + torrent.status().trackers());
                assertThrows(IllegalArgumentException.class, () -> torrent.setTrackers(List.of(List.of("ftp://x/"))));
                assertEquals(List.of(List.of(other)), torrent.trackers(), "a refused edit changes nothing");
            }
            try (Rig rig = Rig.in(temp)) {
                Torrent back = rig.engine.torrents().get(0);
                assertEquals(List.of(List.of(other)), back.trackers(), "kept across a restart");
                assertTrue(back.edited().isPresent());
                Events.Await.until(() -> seeders(rig, other, hash) == 1, WAIT, () -> "not announced after restart");
                back.setTrackers(List.of());
                Events.Await.until(() -> seeders(rig, other, hash) == 0, WAIT, () -> "removing all never said stopped");
                assertEquals(List.of(), back.status().trackers());
            }
        }
    }
}
