package dev.shoal.tracker.http.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.tracker.api.AnnounceResponse;
import dev.shoal.tracker.api.ScrapeStats;
import dev.shoal.tracker.api.TrackerException;
import dev.shoal.tracker.api.TrackerPeer;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AnswersTest {

    private final Answers answers = new Answers(HttpSettings.DEFAULT_MAX_RESPONSE_BYTES);

    /** Bencode text with {@code <hex>} placeholders for binary strings. */
    static byte[] bytes(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : parts) {
            if (part.startsWith("0x")) {
                String hex = part.substring(2);
                byte[] raw = new byte[hex.length() / 2];
                for (int i = 0; i < raw.length; i++) {
                    raw[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
                }
                out.writeBytes((raw.length + ":").getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(raw);
            } else {
                out.writeBytes(part.getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    @Test
    void readsCompactPeersAndCounts() throws Exception {
        AnnounceResponse response = answers.announce(bytes("d8:completei5e10:incompletei7e8:intervali900e",
                "12:min intervali60e5:peers", "0x7f0000011ae1c0a80001c8d5", "10:tracker id3:abce"));
        assertEquals(Duration.ofSeconds(900), response.interval());
        assertEquals(Optional.of(Duration.ofSeconds(60)), response.minInterval());
        assertEquals(OptionalInt.of(5), response.seeders());
        assertEquals(OptionalInt.of(7), response.leechers());
        assertEquals(Optional.of("abc"), response.trackerId());
        assertEquals(List.of(TrackerPeer.of(new InetSocketAddress("127.0.0.1", 6881)),
                TrackerPeer.of(new InetSocketAddress("192.168.0.1", 51413))), response.peers());
    }

    @Test
    void readsDictionaryPeersWithTheirIdsAndSkipsOddEntries() throws Exception {
        AnnounceResponse response = answers.announce(bytes("d8:intervali60e5:peersl",
                "d2:ip9:127.0.0.27:peer id20:ABCDEFGHIJKLMNOPQRST4:porti7000ee",
                "d2:ip3:::14:porti7001ee",
                "d2:ip11:example.org4:porti7002ee", // a host name: not resolved
                "d2:ip9:127.0.0.34:porti0ee", // port 0
                "i5e", "ee"));
        assertEquals(2, response.peers().size());
        TrackerPeer first = response.peers().get(0);
        assertEquals(new InetSocketAddress("127.0.0.2", 7000), first.address());
        assertArrayEquals("ABCDEFGHIJKLMNOPQRST".getBytes(StandardCharsets.US_ASCII), first.peerId().get());
        assertEquals(new InetSocketAddress("::1", 7001), response.peers().get(1).address());
    }

    @Test
    void readsPeers6AfterPeers() throws Exception {
        AnnounceResponse response = answers.announce(bytes("d8:intervali60e5:peers", "0x7f0000011ae1",
                "6:peers6", "0x000000000000000000000000000000011ae2", "e"));
        assertEquals(List.of(TrackerPeer.of(new InetSocketAddress("127.0.0.1", 6881)),
                TrackerPeer.of(new InetSocketAddress("::1", 6882))), response.peers());
    }

    @Test
    void aPeers6OfTheWrongLengthOrTypeIsRefusedSayingWhy() {
        TrackerException torn = assertThrows(TrackerException.class, () -> answers.announce(bytes(
                "d8:intervali60e5:peers0:6:peers6", "0x00000000000000000000000000000001", "e")));
        assertEquals(TrackerException.Kind.MALFORMED_RESPONSE, torn.kind());
        assertTrue(torn.getMessage().contains("'peers6' has 16 bytes, not a multiple of 18"), torn.getMessage());
        TrackerException list = assertThrows(TrackerException.class,
                () -> answers.announce(bytes("d8:intervali60e5:peers0:6:peers6lee")));
        assertTrue(list.getMessage().contains("'peers6' is not a string"), list.getMessage());
    }

    @Test
    void readsPeers6OfSeveralPeersSkippingPortZero() throws Exception {
        AnnounceResponse response = answers.announce(bytes("d8:intervali60e5:peers0:6:peers6",
                "0x20010db8000000000000000000000001c8d5" + "20010db8000000000000000000000002" + "0000"
                        + "fe800000000000000000000000000003" + "1ae1", "e"));
        assertEquals(List.of(TrackerPeer.of(new InetSocketAddress("2001:db8::1", 51413)),
                TrackerPeer.of(new InetSocketAddress("fe80::3", 6881))), response.peers());
    }

    @Test
    void failureReasonBecomesATrackerFailure() {
        TrackerException e = assertThrows(TrackerException.class,
                () -> answers.announce(bytes("d14:failure reason14:not registerede")));
        assertEquals(TrackerException.Kind.TRACKER_FAILURE, e.kind());
        assertEquals("not registered", e.getMessage());
    }

    @Test
    void warningIsKept() throws Exception {
        AnnounceResponse response = answers.announce(bytes("d8:intervali60e5:peers0:15:warning message4:slowe"));
        assertEquals(Optional.of("slow"), response.warning());
    }

    @Test
    void missingIntervalFallsBackToThirtyMinutes() throws Exception {
        assertEquals(Duration.ofMinutes(30), answers.announce(bytes("d5:peers0:e")).interval());
    }

    @Test
    void malformedAnswersAreRejected() {
        for (byte[] bad : List.of(bytes("<html>"), bytes("le"), bytes("d8:intervali60e5:peers5:12345e"),
                bytes("d8:intervali60e6:peers67:abcdefge"), bytes("d8:interval3:abce"),
                bytes("d8:intervali60e5:peersi5ee"), bytes("d8:intervali60e8:completei-1ee"))) {
            TrackerException e = assertThrows(TrackerException.class, () -> answers.announce(bad),
                    new String(bad, StandardCharsets.ISO_8859_1));
            assertEquals(TrackerException.Kind.MALFORMED_RESPONSE, e.kind());
        }
    }

    @Test
    void readsScrapeFiles() throws Exception {
        InfoHash hash = InfoHash.fromHex("0123456789abcdef0123456789abcdef01234567");
        var response = answers.scrape(bytes("d5:filesd", "0x" + hash.hex(),
                "d8:completei3e10:downloadedi9e10:incompletei4ee", "3:odd", "d8:completei1eeee"));
        assertEquals(1, response.files().size());
        assertEquals(Optional.of(new ScrapeStats(3, 9, 4)), response.stats(hash));
        assertThrows(TrackerException.class, () -> answers.scrape(bytes("de")));
    }
}
