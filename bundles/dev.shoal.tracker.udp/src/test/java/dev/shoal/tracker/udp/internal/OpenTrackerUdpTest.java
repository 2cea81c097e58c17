package dev.shoal.tracker.udp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.tracker.api.AnnounceEvent;
import dev.shoal.tracker.api.AnnounceRequest;
import dev.shoal.tracker.api.AnnounceResponse;
import dev.shoal.tracker.api.ScrapeStats;
import dev.shoal.tracker.api.TrackerPeer;
import dev.shoal.udp.api.DatagramHandler;
import dev.shoal.udp.internal.SharedSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import dev.shoal.test.support.OpenTracker;

/** The client against a real opentracker over UDP. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OpenTrackerUdpTest {

    private static final InfoHash HASH = InfoHash.fromHex("6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b02");

    private static AnnounceRequest peer(String peerId, int port, long left, AnnounceEvent event) {
        return new AnnounceRequest(HASH, peerId.getBytes(StandardCharsets.US_ASCII), port, 0, 0, left, event, 50,
                port, Optional.empty());
    }

    @Test
    void twoPeersSeeEachOtherAndScrapeCountsThem() throws Exception {
        try (OpenTracker tracker = OpenTracker.start(List.of(HASH.hex()));
                // Sent again 1, 2 and 4 s apart, given up 8 s later: opentracker may be slow on a loaded machine.
                UdpTrackerClient client = new UdpTrackerClient(new UdpSettings(Duration.ofSeconds(1), 3,
                        Duration.ofMinutes(1)));
                SharedSocket udp = SharedSocket.open(0)) {
            client.bindPort(udp);
            udp.handlers().add(client, DatagramHandler.ORDER_TRACKER);
            client.announce(tracker.udp(), peer("-SH0001-aaaaaaaaaaaa", 41001, 0, AnnounceEvent.STARTED))
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            AnnounceResponse second = client.announce(tracker.udp(),
                    peer("-SH0001-bbbbbbbbbbbb", 41002, 100, AnnounceEvent.STARTED))
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertTrue(second.peers().contains(TrackerPeer.of(new InetSocketAddress("127.0.0.1", 41001))),
                    second.peers().toString());
            AnnounceResponse first = client.announce(tracker.udp(),
                    peer("-SH0001-aaaaaaaaaaaa", 41001, 0, AnnounceEvent.NONE))
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertTrue(first.peers().contains(TrackerPeer.of(new InetSocketAddress("127.0.0.1", 41002))),
                    first.peers().toString());
            assertEquals(1, first.seeders().getAsInt());
            assertEquals(1, first.leechers().getAsInt());

            ScrapeStats stats = client.scrape(tracker.udp(), List.of(HASH)).toCompletableFuture()
                    .get(30, TimeUnit.SECONDS).stats(HASH).orElseThrow();
            assertEquals(1, stats.complete());
            assertEquals(1, stats.incomplete());
        }
    }
}
