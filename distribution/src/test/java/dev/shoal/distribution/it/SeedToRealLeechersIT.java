package dev.shoal.distribution.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import dev.shoal.test.support.Aria2Peer;
import dev.shoal.test.support.LibtorrentPeer;
import dev.shoal.test.support.SwarmData;
import dev.shoal.test.support.TransmissionPeer;

/**
 * Shoal as the only seed: {@code shoal get --seed-ratio 1} with the complete data already in
 * {@code --dir} checks it and seeds; libtorrent, Transmission and aria2 in turn download the ~256 MiB
 * torrent from it, found through opentracker's <b>UDP</b> announce (BEP 15): the torrent's first tier
 * is UDP, which Shoal, libtorrent and Transmission use; aria2 without DHT has no UDP tracker support
 * and falls back to the second tier, HTTP, on the same opentracker. The leecher's files must be
 * identical to the original, and Shoal must exit 0 once it has uploaded the torrent's size.
 *
 * <p>Each leecher announces first, so Shoal's first announce returns it and Shoal dials it
 * (Transmission ignores loopback peers that come from a tracker). Shoal seeds a copy of the data, so
 * what the leechers get is compared with bytes Shoal never had its hands on.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SeedToRealLeechersIT {

    private static final Duration FAST_LEECHER = Duration.ofSeconds(90);
    /**
     * Transmission waits ~10 s before data flows; then it asks for at most the seed's {@code reqq}
     * blocks a second (Shoal's 2000 as libtorrent's: ~25 MiB/s; 500 gave 7.7 MiB/s).
     */
    private static final Duration TRANSMISSION_LEECHER = Duration.ofSeconds(150);

    @RegisterExtension
    static final TestSwarm swarm = TestSwarm.of(TestSwarm.Tracker.PER_TEST, TestSwarm.Announce.UDP,
            TestSwarm.Announce.HTTP);
    private static Path shoalData;

    @TempDir
    Path work;

    @BeforeAll
    static void copyForShoal() {
        shoalData = swarm.newDirectory("shoal-seed");
        SwarmData.copyTree(swarm.seedDir(), shoalData);
    }

    @Test
    void libtorrentLeechesFromShoalOverUdpTracker() throws Exception {
        seedTo("libtorrent", download -> LibtorrentPeer.leecher(swarm.torrent(), download).start(), FAST_LEECHER,
                SwarmData.Compare.EXACT);
    }

    @Test
    void transmissionLeechesFromShoalOverUdpTracker() throws Exception {
        // Transmission 3.00 does not create the zero-length file.
        seedTo("Transmission", download -> TransmissionPeer.leecher(swarm.torrent(), download).start(),
                TRANSMISSION_LEECHER, SwarmData.Compare.EMPTY_FILES_MAY_BE_MISSING);
    }

    /**
     * aria2 sends a bitfield in the middle of a connection (instead of many haves, after its first
     * HaveNone or bitfield); Shoal closes the connection for "a second bitfield" each time, so aria2
     * stalls after ~19 MiB per connection and the download does not complete.
     */

    @Test
    void aria2LeechesFromShoalOverHttpTrackerTier() throws Exception {
        seedTo("aria2", download -> Aria2Peer.leecher(swarm.torrent(), download).start(), FAST_LEECHER,
                SwarmData.Compare.EXACT);
    }

    private void seedTo(String client, ShoalSeedsTo.Leecher start, Duration within, SwarmData.Compare how)
            throws Exception {
        ShoalSeedsTo.run("SeedToRealLeechersIT", swarm, shoalData, work, client, start, within, how, null);
    }
}
