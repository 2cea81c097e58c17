package dev.shoal.test.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Proves the harness: each real client seeds to and leeches from another over opentracker on
 * 127.0.0.1, the downloads are byte-identical, and aria2's corrupt seed really sends bad blocks.
 * Every peer is closed by try-with-resources, the tracker and data after all tests.
 */
@Timeout(120)
class RealPeersTest {

    private static final Duration TRANSFER = Duration.ofSeconds(60);
    /** Transmission's first unchoke comes after up to ten seconds; then it seeds at about 7 MiB/s. */
    private static final Duration TRANSMISSION_TRANSFER = Duration.ofSeconds(75);
    /** For a seed's upload counter to catch up once the leecher is complete: it refreshes every second or so. */
    private static final Duration COUNTED = Duration.ofSeconds(30);

    private static SwarmData data;
    private static OpenTracker tracker;
    private static Torrent torrent;

    @BeforeAll
    static void swarm() throws Exception {
        SystemProgram.require("opentracker");
        SystemProgram.require("mktorrent");
        data = SwarmData.generate(12 << 20);
        // The tracker's port goes into the torrent, whose info-hash goes into the tracker's whitelist.
        int port = OpenTracker.freePort();
        torrent = data.makeTorrent(List.of(URI.create("http://127.0.0.1:" + port + "/announce")), 16);
        tracker = OpenTracker.start(List.of(torrent.infoHash()), port);
    }

    @AfterAll
    static void stop() {
        if (tracker != null) {
            tracker.close();
        }
        if (data != null) {
            data.close();
        }
    }

    @Test
    void libtorrentSeedsToAria2() throws Exception {
        Path download = data.newDirectory("aria2-leecher");
        try (LibtorrentPeer seed = LibtorrentPeer.seed(torrent, data.seedDir()).start();
                Aria2Peer leecher = Aria2Peer.leecher(torrent, download).start()) {
            leecher.awaitComplete(TRANSFER);
            seed.awaitUploaded(torrent.totalLength(), COUNTED);
        }
        data.assertDownloaded(download, SwarmData.Compare.EXACT);
    }

    @Test
    void aria2SeedsToLibtorrent() throws Exception {
        try (Aria2Peer seed = Aria2Peer.seed(torrent, data.seedDir()).start()) {
            libtorrentLeechesFrom(seed, TRANSFER);
        }
    }

    @Test
    void transmissionSeedsToLibtorrentDialingIt() throws Exception {
        try (TransmissionPeer seed = TransmissionPeer.seed(torrent, data.seedDir()).start()) {
            libtorrentLeechesFrom(seed, TRANSMISSION_TRANSFER);
        }
    }

    /** A libtorrent leecher dials {@code seed}, gets every byte right, and the seed counts them as uploaded. */
    private static void libtorrentLeechesFrom(RealPeer<?> seed, Duration within) throws Exception {
        Path download = data.newDirectory("libtorrent-leecher");
        try (LibtorrentPeer leecher = LibtorrentPeer.leecher(torrent, download).connectTo(seed.port()).start()) {
            leecher.awaitComplete(within);
            seed.awaitUploaded(torrent.totalLength(), COUNTED);
            assertTrue(leecher.failedPieces().isEmpty(), leecher::logTail);
        }
        data.assertDownloaded(download, SwarmData.Compare.EXACT);
    }

    @Test
    void libtorrentSeedDialsTransmissionLeecher() throws Exception {
        Path download = data.newDirectory("transmission-leecher");
        try (TransmissionPeer leecher = TransmissionPeer.leecher(torrent, download).start();
                LibtorrentPeer seed = LibtorrentPeer.seed(torrent, data.seedDir()).connectTo(leecher.port()).start()) {
            leecher.awaitComplete(TRANSMISSION_TRANSFER);
        }
        // Transmission 3.00 does not create the zero-length file.
        data.assertDownloaded(download, SwarmData.Compare.EMPTY_FILES_MAY_BE_MISSING);
    }

    @Test
    void corruptAria2SeedSendsBlocksThatFailTheirHash() throws Exception {
        Set<Integer> damaged = Set.of(5, 77, 150);
        Path bad = data.damagedCopy("corrupt-seed", torrent, 5, 77, 150);
        Path download = data.newDirectory("libtorrent-leecher");
        try (Aria2Peer seed = Aria2Peer.corruptSeed(torrent, bad).start();
                LibtorrentPeer leecher = LibtorrentPeer.leecher(torrent, download).connectTo(seed.port()).start()) {
            leecher.awaitHashFailures(1, TRANSFER);

            assertTrue(damaged.containsAll(leecher.failedPieces()), () -> "failed " + leecher.failedPieces()
                    + ", damaged " + damaged + "\n" + leecher.logTail());
            assertTrue(leecher.status().failedBytes() >= torrent.pieceLength(), leecher.status()::toString);
            assertTrue(seed.uploadedBytes() > 0, seed.status()::toString);
            assertFalse(leecher.status().complete(), leecher.status()::toString);
        }
    }
}
