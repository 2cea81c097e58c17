package dev.shoal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.api.TorrentStatus;
import dev.shoal.metainfo.FileEntry;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.metainfo.TorrentVersion;
import dev.shoal.peer.api.SwarmStats;
import dev.shoal.storage.api.PieceSet;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatusBuilderTest {

    /** 108,334 bytes in pieces of 32 KiB: three full pieces and a last one of 10,030 bytes. */
    private Metainfo torrent;

    @BeforeEach
    void setUp() throws Exception {
        long[] sizes = {70_001, 33_333, 5_000};
        List<FileEntry> files = List.of(FileEntry.of(List.of("a.bin"), sizes[0], 0),
                FileEntry.of(List.of("sub", "b.bin"), sizes[1], sizes[0]),
                FileEntry.of(List.of("sub", "deeper", "c.bin"), sizes[2], sizes[0] + sizes[1]));
        torrent = new Metainfo("status", TorrentVersion.V1, 32 * 1024, 4, 108_334, files, false, List.of(), List.of(),
                false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(InfoHash.fromHex("5".repeat(40))), Optional.empty(), new byte[4 * 20], new byte[] {'d', 'e'},
                List.of());
    }

    private PieceSet pieces(int... indexes) {
        BitSet bits = new BitSet();
        for (int index : indexes) {
            bits.set(index);
        }
        return PieceSet.of(bits, torrent.pieceCount());
    }

    private TorrentStatus build(TorrentState state, PieceSet verified, int checked, SwarmStats live) {
        return StatusBuilder.build(torrent, state, Optional.empty(), verified, checked,
                new Transfer.Snapshot(new Transfer.Counts(500, 700, 9).plus(live), live), Duration.ofSeconds(3),
                SeedGoal.DEFAULT, List.of());
    }

    @Test
    void verified_bytes_count_the_last_piece_at_its_own_size() {
        assertEquals(4, torrent.pieceCount());
        assertEquals(0, StatusBuilder.verifiedBytes(torrent, pieces()));
        assertEquals(2 * 32768, StatusBuilder.verifiedBytes(torrent, pieces(0, 2)));
        assertEquals(32768 + 10_030, StatusBuilder.verifiedBytes(torrent, pieces(1, 3)));
        assertEquals(torrent.totalLength(), StatusBuilder.verifiedBytes(torrent, pieces(0, 1, 2, 3)));
        assertEquals(torrent.totalLength() - 32768 - 10_030, StatusBuilder.left(torrent, pieces(1, 3)));
    }

    @Test
    void a_downloading_status_adds_the_closed_swarms_counters_and_estimates_the_rest() {
        SwarmStats live = new SwarmStats(1000, 2000, 1, 32768, 10, 5, 2, 0, 0, 0);
        TorrentStatus status = build(TorrentState.DOWNLOADING, pieces(0), 99, live);
        assertEquals(1500, status.downloaded());
        assertEquals(2700, status.uploaded());
        assertEquals(10, status.wasted());
        assertEquals(32768, status.downloadRate());
        assertEquals(5, status.peers());
        assertEquals(2, status.seeds());
        assertEquals(0, status.checkedPieces(), "only while checking");
        long missing = torrent.totalLength() - 32768;
        assertEquals(Optional.of(Duration.ofSeconds((missing + 32767) / 32768)), status.eta());
        assertEquals(1, status.verifiedPieces());
    }

    @Test
    void a_checking_status_shows_the_pieces_hashed_and_no_eta() {
        TorrentStatus status = build(TorrentState.CHECKING, pieces(), 3, SwarmStats.NONE);
        assertEquals(3, status.checkedPieces());
        assertEquals(Optional.empty(), status.eta());
        assertEquals(4, build(TorrentState.CHECKING, pieces(), 40, SwarmStats.NONE).checkedPieces(), "capped");
    }

    @Test
    void a_seeding_status_estimates_the_time_to_its_goal() {
        SwarmStats live = new SwarmStats(0, 0, 0, 0, 1000, 1, 0, 0, 0, 0);
        TorrentStatus status = build(TorrentState.SEEDING, pieces(0, 1, 2, 3), 0, live);
        long toUpload = torrent.totalLength() - 700;
        assertEquals(Optional.of(Duration.ofSeconds((toUpload + 999) / 1000)), status.eta());
        assertEquals(Duration.ofSeconds(3), status.seedingTime());
    }
}
