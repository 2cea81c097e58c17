package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import dev.shoal.test.support.Aria2Peer;
import dev.shoal.test.support.LibtorrentPeer;
import dev.shoal.test.support.OpenTracker;
import dev.shoal.test.support.SwarmData;

/**
 * A peer sending bad data, over opentracker's <b>HTTP</b> announce: aria2 seeds a copy of the data
 * with one byte flipped in each of {@value #DAMAGED} pieces spread over the torrent, uploading it
 * unchecked. At first it is Shoal's only peer, so the damaged pieces all come from it; Shoal must
 * ban it once three pieces failed their hash (its setting), which its log on stderr shows. Then a
 * good libtorrent seed dials Shoal, and Shoal completes with byte-identical files and exits 0.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CorruptPeerIT {

    private static final int DAMAGED = 8;
    private static final Duration BAN_WITHIN = Duration.ofSeconds(60);
    private static final Duration TRANSFER = Duration.ofSeconds(60);

    @RegisterExtension
    static final TestSwarm swarm = TestSwarm.of(TestSwarm.Tracker.PER_CLASS, TestSwarm.Announce.HTTP);

    @TempDir
    Path work;

    @Test
    void shoalBansAria2SendingBadPiecesAndCompletesFromLibtorrentOverHttpTracker() throws Exception {
        int pieces = swarm.torrent().pieceCount();
        // Spread out: the first and last pieces, and evenly between.
        int[] damaged = IntStream.range(0, DAMAGED).map(i -> (int) ((long) i * (pieces - 1) / (DAMAGED - 1))).toArray();
        Path bad = swarm.data().damagedCopy("corrupt-seed", swarm.torrent(), damaged);
        Path download = swarm.newDirectory("shoal-download");
        int shoalPort = OpenTracker.freePort();
        try (Aria2Peer corrupt = Aria2Peer.corruptSeed(swarm.torrent(), bad).start();
                ShoalGet shoal = ShoalGet.get(swarm.torrentFile(), download).base(work).port(shoalPort)
                        .seedRatio("0").logLevel("info").start()) {
            String stderr = shoal.awaitStderr("aria2 banned", text -> banLine(text) != null,
                    BAN_WITHIN, TestSwarm.logs(corrupt));
            String ban = banLine(stderr);
            System.out.println("CorruptPeerIT: damaged pieces " + Arrays.toString(damaged) + " of " + pieces
                    + "; aria2 on port " + corrupt.port() + " uploaded " + ShoalGet.mib(corrupt.status().uploaded())
                    + " before the ban; Shoal logged: " + ban);
            // aria2's peer id starts with its name and version, e.g. A2-1-36-0-.
            assertTrue(ban.contains("A2-"), () -> "Shoal banned a peer other than aria2: " + ban);
            assertTrue(shoal.isAlive(), () -> "Shoal ended with damaged pieces only\n" + shoal.describe());

            try (LibtorrentPeer good = LibtorrentPeer.seed(swarm.torrent(), swarm.seedDir()).connectTo(shoalPort)
                    .start()) {
                shoal.awaitSuccess(TRANSFER, TestSwarm.logs(good, corrupt));
                System.out.println("CorruptPeerIT: the good seed uploaded " + ShoalGet.mib(good.uploadedBytes())
                        + "; " + shoal.summary().orElse("(no summary line)"));
            }
        }
        swarm.assertDownloaded(download, SwarmData.Compare.EXACT);
    }

    /** The first line of Shoal's log that bans a peer, or null. */
    private static String banLine(String stderr) {
        return stderr.lines().filter(line -> line.contains("banning")).findFirst().orElse(null);
    }
}
