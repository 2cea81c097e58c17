package dev.shoal.tracker.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shoal.metainfo.InfoHash;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {

    private static final InfoHash HASH = InfoHash.v1(new byte[20]);

    private static AnnounceRequest request(byte[] peerId, int port) {
        return new AnnounceRequest(HASH, peerId, port, 1, 2, 3, AnnounceEvent.STARTED, 50, 7, Optional.empty());
    }

    @Test
    void announceRequestCopiesThePeerId() {
        byte[] peerId = new byte[20];
        AnnounceRequest request = request(peerId, 6881);
        peerId[0] = 1;
        request.peerId()[1] = 1;
        assertArrayEquals(new byte[20], request.peerId());
    }

    @Test
    void announceRequestsWithEqualBytesAreEqual() {
        assertEquals(request(new byte[20], 1), request(new byte[20], 1));
        assertEquals(request(new byte[20], 1).hashCode(), request(new byte[20], 1).hashCode());
        assertNotEquals(request(new byte[20], 1), request(new byte[20], 1).withEvent(AnnounceEvent.STOPPED));
        assertEquals(Optional.of("x"), request(new byte[20], 1).withTrackerId(Optional.of("x")).trackerId());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 19, 21})
    void announceRequestRejectsPeerIdsThatAreNot20Bytes(int length) {
        assertThrows(IllegalArgumentException.class, () -> request(new byte[length], 1));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 65536, Integer.MAX_VALUE})
    void announceRequestRejectsPortsOutOfRange(int port) {
        assertThrows(IllegalArgumentException.class, () -> request(new byte[20], port));
    }

    @Test
    void announceRequestAcceptsTheExtremePorts() {
        assertEquals(0, request(new byte[20], 0).port());
        assertEquals(65535, request(new byte[20], 65535).port());
    }

    @Test
    void announceRequestRejectsNegativeCountsAndAV2Hash() {
        byte[] id = new byte[20];
        assertThrows(IllegalArgumentException.class, () -> new AnnounceRequest(HASH, id, 1, -1, 0, 0,
                AnnounceEvent.NONE, 1, 0, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new AnnounceRequest(HASH, id, 1, 0, 0, -5,
                AnnounceEvent.NONE, 1, 0, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new AnnounceRequest(HASH, id, 1, 0, 0, 0,
                AnnounceEvent.NONE, -2, 0, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new AnnounceRequest(InfoHash.v2(new byte[32]), id, 1,
                0, 0, 0, AnnounceEvent.NONE, 1, 0, Optional.empty()));
        assertThrows(NullPointerException.class, () -> new AnnounceRequest(HASH, id, 1, 0, 0, 0,
                null, 1, 0, Optional.empty()));
    }

    @Test
    void trackerPeerChecksAndCopiesItsId() {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", 6881);
        byte[] id = new byte[20];
        TrackerPeer peer = new TrackerPeer(address, Optional.of(id));
        id[0] = 9;
        peer.peerId().get()[1] = 9;
        assertArrayEquals(new byte[20], peer.peerId().get());
        assertEquals(peer, new TrackerPeer(address, Optional.of(new byte[20])));
        assertNotEquals(peer, TrackerPeer.of(address));
        assertThrows(IllegalArgumentException.class, () -> new TrackerPeer(address, Optional.of(new byte[5])));
        assertThrows(IllegalArgumentException.class,
                () -> TrackerPeer.of(InetSocketAddress.createUnresolved("example.org", 1)));
    }

    @Test
    void announceResponseChecksIntervalsAndCopiesPeers() {
        List<TrackerPeer> peers = new ArrayList<>(List.of(TrackerPeer.of(new InetSocketAddress("127.0.0.1", 1))));
        AnnounceResponse response = new AnnounceResponse(Duration.ofMinutes(30), Optional.empty(), Optional.empty(),
                OptionalInt.of(1), OptionalInt.empty(), peers, Optional.empty());
        peers.clear();
        assertEquals(1, response.peers().size());
        assertThrows(UnsupportedOperationException.class, () -> response.peers().clear());
        assertThrows(IllegalArgumentException.class, () -> new AnnounceResponse(Duration.ZERO, Optional.empty(),
                Optional.empty(), OptionalInt.empty(), OptionalInt.empty(), List.of(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new AnnounceResponse(Duration.ofSeconds(1),
                Optional.of(Duration.ofSeconds(-1)), Optional.empty(), OptionalInt.empty(), OptionalInt.empty(),
                List.of(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new AnnounceResponse(Duration.ofSeconds(1),
                Optional.empty(), Optional.empty(), OptionalInt.of(-1), OptionalInt.empty(), List.of(),
                Optional.empty()));
    }

    @Test
    void scrapeTypesCheckAndCopy() {
        assertThrows(IllegalArgumentException.class, () -> new ScrapeStats(-1, 0, 0));
        Map<InfoHash, ScrapeStats> files = new HashMap<>(Map.of(HASH, new ScrapeStats(1, 2, 3)));
        ScrapeResponse response = new ScrapeResponse(files);
        files.clear();
        assertEquals(Optional.of(new ScrapeStats(1, 2, 3)), response.stats(HASH));
        assertEquals(Optional.empty(), response.stats(InfoHash.v1(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
                11, 12, 13, 14, 15, 16, 17, 18, 19, 20})));
    }

    @Test
    void localPeerAndTransferStatsCheckTheirInput() {
        assertThrows(IllegalArgumentException.class, () -> new LocalPeer(new byte[19], 1));
        assertThrows(IllegalArgumentException.class, () -> new LocalPeer(new byte[20], 70000));
        assertEquals(new LocalPeer(new byte[20], 5), new LocalPeer(new byte[20], 5));
        assertThrows(IllegalArgumentException.class, () -> new TransferStats(0, -1, 0));
    }

    @Test
    void trackerStatusChecksItsInput() {
        assertThrows(IllegalArgumentException.class, () -> new TrackerStatus("http://t/announce", -1,
                TrackerState.WORKING, Optional.of(Instant.EPOCH), Optional.empty(), OptionalInt.empty(),
                OptionalInt.empty(), Optional.empty(), Optional.empty(), 0));
    }

    @Test
    void trackerExceptionKeepsItsKind() {
        TrackerException e = new TrackerException(TrackerException.Kind.TRACKER_FAILURE, "not registered");
        assertEquals(TrackerException.Kind.TRACKER_FAILURE, e.kind());
        assertEquals("not registered", e.getMessage());
        assertThrows(NullPointerException.class, () -> new TrackerException(null, "x"));
    }
}
