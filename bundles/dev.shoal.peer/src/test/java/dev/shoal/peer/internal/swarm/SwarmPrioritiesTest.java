package dev.shoal.peer.internal.swarm;

import static dev.shoal.peer.internal.swarm.SwarmPair.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.api.PeerInfo;
import dev.shoal.peer.api.PiecePriorities;
import dev.shoal.peer.api.SwarmStats;
import dev.shoal.storage.api.PieceResult;
import dev.shoal.storage.api.PieceSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Piece priorities between Shoal swarms over 127.0.0.1, with real storage on disk. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SwarmPrioritiesTest {

    private static final int PIECE_LENGTH = 32 * 1024;

    @TempDir
    Path temp;

    private static SwarmSettings loopback() {
        return SwarmSettings.defaults().withListen("127.0.0.1", 0);
    }

    /** Every other piece skipped, the last wanted piece high. */
    private static PiecePriorities everyOtherPiece(int pieceCount) {
        byte[] levels = new byte[pieceCount];
        for (int piece = 0; piece < pieceCount; piece += 2) {
            levels[piece] = PiecePriorities.NORMAL;
        }
        levels[(pieceCount - 1) / 2 * 2] = PiecePriorities.HIGH;
        return PiecePriorities.of(levels);
    }

    private static BitSet wanted(PiecePriorities priorities) {
        BitSet wanted = new BitSet();
        for (int piece = 0; piece < priorities.pieceCount(); piece++) {
            wanted.set(piece, priorities.wanted(piece));
        }
        return wanted;
    }

    private static long bytesOf(Metainfo torrent, BitSet pieces) {
        long total = 0;
        for (int piece = pieces.nextSetBit(0); piece >= 0; piece = pieces.nextSetBit(piece + 1)) {
            total += Math.min(PIECE_LENGTH, torrent.totalLength() - (long) piece * PIECE_LENGTH);
        }
        return total;
    }

    @Test
    void aLeecherWithHalfThePiecesSkippedFetchesExactlyTheWantedOnesThenStopsAskingAndKeepsUploading()
            throws Exception {
        Metainfo torrent = SwarmPair.makeTorrent(temp.resolve("seed"), "data", PIECE_LENGTH, 1_000_003, 77_777, 1_200_000);
        PiecePriorities priorities = everyOtherPiece(torrent.pieceCount());
        BitSet wanted = wanted(priorities);
        try (SwarmPair.Peer seed = new SwarmPair.Peer(torrent, temp.resolve("seed"), temp.resolve("s.resume"), loopback());
                SwarmPair.Peer leecher = new SwarmPair.Peer(torrent, temp.resolve("leech"), temp.resolve("l.resume"),
                        loopback())) {
            leecher.swarm.setPiecePriorities(priorities);
            leecher.swarm.addPeers(List.of(seed.address()));
            await(() -> leecher.storage.verified().toBitSet().equals(wanted), Duration.ofSeconds(30),
                    "the wanted pieces");

            // Done downloading: the seed hears "not interested", and no request is left outstanding.
            await(() -> seed.swarm.peers().size() == 1 && !seed.swarm.peers().get(0).interested(),
                    Duration.ofSeconds(10), "the leecher's loss of interest");
            List<PeerInfo> fromLeecher = leecher.swarm.peers();
            assertEquals(1, fromLeecher.size(), "the seed stays connected: " + fromLeecher);
            assertEquals(0, fromLeecher.get(0).requests());

            SwarmStats stats = leecher.swarm.stats();
            long wantedBytes = bytesOf(torrent, wanted);
            assertEquals(wantedBytes, stats.downloaded(), "only the wanted pieces' bytes came, each once");
            assertEquals(0, stats.wasted());
            assertEquals(wanted.cardinality(), leecher.results.size(), "one check per wanted piece");
            for (PieceResult result : leecher.results) {
                assertTrue(result.verified() && wanted.get(result.piece()), result.toString());
            }
            PieceSet have = leecher.storage.verified();
            assertEquals(wanted, have.toBitSet());

            // It keeps uploading what it has: a second leecher of the same half fetches it from the first alone.
            try (SwarmPair.Peer second = new SwarmPair.Peer(torrent, temp.resolve("second"), temp.resolve("2.resume"),
                    loopback())) {
                second.swarm.setPiecePriorities(priorities);
                second.swarm.addPeers(List.of(leecher.address()));
                await(() -> second.storage.verified().toBitSet().equals(wanted), Duration.ofSeconds(30),
                        "the second leecher's pieces from the first");
                assertEquals(wantedBytes, leecher.swarm.stats().uploaded());
                assertEquals(wantedBytes, leecher.swarm.stats().downloaded(), "the first fetched nothing more");
            }
        }
    }

    @Test
    void skippedPiecesWantedAgainAreFetchedFromTheSameSeed() throws Exception {
        Metainfo torrent = SwarmPair.makeTorrent(temp.resolve("seed"), "data", PIECE_LENGTH, 600_000);
        PiecePriorities half = everyOtherPiece(torrent.pieceCount());
        try (SwarmPair.Peer seed = new SwarmPair.Peer(torrent, temp.resolve("seed"), temp.resolve("s.resume"), loopback());
                SwarmPair.Peer leecher = new SwarmPair.Peer(torrent, temp.resolve("leech"), temp.resolve("l.resume"),
                        loopback())) {
            leecher.swarm.setPiecePriorities(half);
            leecher.swarm.addPeers(List.of(seed.address()));
            await(() -> leecher.storage.verified().toBitSet().equals(wanted(half)), Duration.ofSeconds(30),
                    "the first half");
            assertFalse(leecher.complete());
            leecher.swarm.setPiecePriorities(PiecePriorities.normal(torrent.pieceCount()));
            await(leecher::complete, Duration.ofSeconds(30), "the rest, over the connection kept open");
            assertEquals(torrent.totalLength(), leecher.swarm.stats().downloaded());
            SwarmLoopbackTest.assertSameFiles(torrent, temp.resolve("seed"), temp.resolve("leech"));
        }
    }

    @Test
    void prioritiesForAnotherPieceCountAreRefused() throws Exception {
        Metainfo torrent = SwarmPair.makeTorrent(temp.resolve("seed"), "data", PIECE_LENGTH, 100_000);
        try (SwarmPair.Peer peer = new SwarmPair.Peer(torrent, temp.resolve("seed"), temp.resolve("s.resume"), loopback())) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> peer.swarm.setPiecePriorities(PiecePriorities.normal(torrent.pieceCount() + 1)));
            assertTrue(refused.getMessage().contains("the torrent has " + torrent.pieceCount()), refused.getMessage());
        }
    }
}
