package dev.shoal.peer.internal.swarm;

import static dev.shoal.peer.internal.swarm.SwarmPair.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.FileEntry;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.api.RateLimits;
import dev.shoal.peer.api.SwarmStats;
import dev.shoal.test.support.SwarmData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Shoal's swarms talking to each other over 127.0.0.1, with real storage on disk. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SwarmLoopbackTest {

    /** Each peer its own id, as separate processes would have. */
    private static SwarmSettings loopback() {
        return SwarmSettings.defaults().withListen("127.0.0.1", 0);
    }

    @TempDir
    Path temp;

    @Test
    void aLeecherDownloadsEverythingFromASeed() throws Exception {
        Metainfo torrent = SwarmPair.makeTorrent(temp.resolve("seed"), "data", 32 * 1024,
                1_000_003, 0, 77_777, 2_500_000, 16_384);
        try (SwarmPair.Peer seed = new SwarmPair.Peer(torrent, temp.resolve("seed"), temp.resolve("s.resume"), loopback());
                SwarmPair.Peer leecher = new SwarmPair.Peer(torrent, temp.resolve("leech"), temp.resolve("l.resume"),
                        loopback())) {
            assertTrue(seed.complete(), "the seed's check found its data");
            leecher.swarm.addPeers(List.of(seed.address()));
            await(leecher::complete, Duration.ofSeconds(30), "the download");
            assertSameFiles(torrent, temp.resolve("seed"), temp.resolve("leech"));
            SwarmStats stats = leecher.swarm.stats();
            assertEquals(torrent.totalLength(), stats.downloaded() - stats.wasted(), "each byte fetched once");
            await(() -> seed.swarm.stats().uploaded() == torrent.totalLength(), Duration.ofSeconds(10),
                    "the seed's upload count");
        }
    }

    @Test
    void threeLeechersShareWhatTheyHave() throws Exception {
        Metainfo torrent = SwarmPair.makeTorrent(temp.resolve("seed"), "data", 16 * 1024, 3_000_001, 1_234_567);
        try (SwarmPair.Peer seed = new SwarmPair.Peer(torrent, temp.resolve("seed"), temp.resolve("s.resume"), loopback());
                SwarmPair.Peer a = new SwarmPair.Peer(torrent, temp.resolve("a"), temp.resolve("a.resume"), loopback());
                SwarmPair.Peer b = new SwarmPair.Peer(torrent, temp.resolve("b"), temp.resolve("b.resume"), loopback());
                SwarmPair.Peer c = new SwarmPair.Peer(torrent, temp.resolve("c"), temp.resolve("c.resume"), loopback())) {
            seed.swarm.setRateLimits(new RateLimits(0, 2_000_000)); // so the leechers must trade
            for (SwarmPair.Peer leecher : List.of(a, b, c)) {
                leecher.swarm.addPeers(List.of(seed.address(), a.address(), b.address(), c.address()));
            }
            await(() -> a.complete() && b.complete() && c.complete(), Duration.ofSeconds(45), "three downloads");
            for (String dir : List.of("a", "b", "c")) {
                assertSameFiles(torrent, temp.resolve("seed"), temp.resolve(dir));
            }
            long fromLeechers = a.swarm.stats().uploaded() + b.swarm.stats().uploaded() + c.swarm.stats().uploaded();
            assertTrue(fromLeechers > 0, "leechers uploaded to each other: " + fromLeechers);
        }
    }

    @Test
    void theUploadLimitHoldsTheRate() throws Exception {
        Metainfo torrent = SwarmPair.makeTorrent(temp.resolve("seed"), "data", 64 * 1024, 3_000_000);
        try (SwarmPair.Peer seed = new SwarmPair.Peer(torrent, temp.resolve("seed"), temp.resolve("s.resume"), loopback());
                SwarmPair.Peer leecher = new SwarmPair.Peer(torrent, temp.resolve("leech"), temp.resolve("l.resume"),
                        loopback())) {
            seed.swarm.setRateLimits(new RateLimits(0, 1_000_000));
            long start = System.nanoTime();
            leecher.swarm.addPeers(List.of(seed.address()));
            await(leecher::complete, Duration.ofSeconds(30), "the download");
            double seconds = (System.nanoTime() - start) / 1e9;
            // 3 MB at 1 MB/s with one second's burst: at least about 2 s, whatever the machine.
            assertTrue(seconds >= 1.8, "3 MB at 1 MB/s took only " + seconds + " s");
        }
    }

    @Test
    void aPeerSendingBadDataIsBannedAndTheGoodSeedFinishesTheJob() throws Exception {
        int pieceLength = 32 * 1024;
        Metainfo torrent = SwarmPair.makeTorrent(temp.resolve("good"), "data", pieceLength, 2_000_000);
        Path badCopy = temp.resolve("bad");
        SwarmData.copyTree(temp.resolve("good"), badCopy);
        try (SwarmPair.Peer bad = new SwarmPair.Peer(torrent, badCopy, temp.resolve("b.resume"), loopback())) {
            // Damage the file after its check: the storage believes every piece, and uploads the damage.
            Path file = badCopy.resolve("data").resolve("f0.bin");
            byte[] bytes = Files.readAllBytes(file);
            for (int i = 0; i < bytes.length; i += 16 * 1024) {
                bytes[i] ^= 0x55;
            }
            Files.write(file, bytes);
            try (SwarmPair.Peer leecher = new SwarmPair.Peer(torrent, temp.resolve("leech"), temp.resolve("l.resume"),
                    loopback())) {
                leecher.swarm.addPeers(List.of(bad.address()));
                await(() -> !leecher.bans.isEmpty(), Duration.ofSeconds(30), "the bad peer's ban");
                assertTrue(leecher.bans.get(0).contains("failed their hash check"), leecher.bans.toString());
                assertEquals(1, leecher.swarm.stats().banned());
                assertTrue(leecher.swarm.stats().hashFailures() >= 3);
                await(() -> leecher.swarm.stats().peers() == 0, Duration.ofSeconds(10), "the disconnect");
                leecher.swarm.addPeers(List.of(bad.address()));
                assertEquals(0, leecher.swarm.stats().candidates(), "a banned address is not dialled again");
                try (SwarmPair.Peer good = new SwarmPair.Peer(torrent, temp.resolve("good"), temp.resolve("g.resume"),
                        loopback())) {
                    leecher.swarm.addPeers(List.of(good.address()));
                    await(leecher::complete, Duration.ofSeconds(30), "the download from the good seed");
                    assertSameFiles(torrent, temp.resolve("good"), temp.resolve("leech"));
                }
            }
        }
    }

    static void assertSameFiles(Metainfo torrent, Path a, Path b) throws Exception {
        for (FileEntry file : torrent.files()) {
            Path relative = Path.of(file.path().get(0), file.path().subList(1, file.path().size()).toArray(String[]::new));
            assertArrayEquals(Files.readAllBytes(a.resolve(relative)), Files.readAllBytes(b.resolve(relative)),
                    relative.toString());
        }
    }
}
