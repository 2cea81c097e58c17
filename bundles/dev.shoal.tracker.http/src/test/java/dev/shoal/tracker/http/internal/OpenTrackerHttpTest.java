package dev.shoal.tracker.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.tracker.api.AnnounceEvent;
import dev.shoal.tracker.api.AnnounceRequest;
import dev.shoal.tracker.api.AnnounceResponse;
import dev.shoal.tracker.api.ScrapeStats;
import dev.shoal.tracker.api.TrackerException;
import dev.shoal.tracker.api.TrackerPeer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import dev.shoal.test.support.OpenTracker;

/** The client against a real opentracker over HTTP. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OpenTrackerHttpTest {

    private static final InfoHash HASH = InfoHash.fromHex("5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a01");

    private final HttpTrackerClient client = new HttpTrackerClient(HttpSettings.DEFAULTS);

    private static AnnounceRequest peer(String peerId, int port, long left) {
        return new AnnounceRequest(HASH, peerId.getBytes(StandardCharsets.US_ASCII), port, 0, 0, left,
                AnnounceEvent.STARTED, 50, port, Optional.empty());
    }

    @Test
    void twoPeersSeeEachOtherAndScrapeCountsThem() throws Exception {
        try (OpenTracker tracker = OpenTracker.start(List.of(HASH.hex()))) {
            AnnounceResponse first = client.announce(tracker.http(), peer("-SH0001-aaaaaaaaaaaa", 40001, 0))
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            AnnounceResponse second = client.announce(tracker.http(), peer("-SH0001-bbbbbbbbbbbb", 40002, 100))
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertTrue(first.interval().compareTo(Duration.ZERO) > 0);
            assertTrue(second.peers().contains(TrackerPeer.of(new InetSocketAddress("127.0.0.1", 40001))),
                    second.peers().toString());
            AnnounceResponse again = client.announce(tracker.http(),
                    peer("-SH0001-aaaaaaaaaaaa", 40001, 0).withEvent(AnnounceEvent.NONE))
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertTrue(again.peers().contains(TrackerPeer.of(new InetSocketAddress("127.0.0.1", 40002))),
                    again.peers().toString());
            assertEquals(1, again.seeders().getAsInt());
            assertEquals(1, again.leechers().getAsInt());

            ScrapeStats stats = client.scrape(tracker.http(), List.of(HASH)).toCompletableFuture()
                    .get(30, TimeUnit.SECONDS).stats(HASH).orElseThrow();
            assertEquals(1, stats.complete());
            assertEquals(1, stats.incomplete());
        }
    }

    @Test
    void anUnlistedHashIsRefusedWithTheTrackersReason() throws Exception {
        try (OpenTracker tracker = OpenTracker.start(List.of(HASH.hex()))) {
            AnnounceRequest unlisted = new AnnounceRequest(InfoHash.v1(new byte[20]),
                    "-SH0001-cccccccccccc".getBytes(StandardCharsets.US_ASCII), 40003, 0, 0, 1,
                    AnnounceEvent.STARTED, 50, 0, Optional.empty());
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> client.announce(tracker.http(), unlisted).toCompletableFuture().get(30, TimeUnit.SECONDS));
            TrackerException cause = (TrackerException) e.getCause();
            assertEquals(TrackerException.Kind.TRACKER_FAILURE, cause.kind());
            assertTrue(cause.getMessage().contains("not authorized"), cause.getMessage());
        }
    }
}
