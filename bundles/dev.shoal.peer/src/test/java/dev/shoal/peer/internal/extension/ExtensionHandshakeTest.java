package dev.shoal.peer.internal.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The BEP 10 handshake: what is read, what is refused, and how a later one updates the first. */
class ExtensionHandshakeTest {

    private static final ExtensionPayloads PAYLOADS = new ExtensionPayloads(1 << 20);

    private static ExtensionHandshake parse(String bencode) throws ExtensionException {
        return ExtensionHandshake.parse(bencode.getBytes(StandardCharsets.ISO_8859_1), PAYLOADS);
    }

    @Test
    void oursRoundTrips() throws Exception {
        ExtensionHandshake ours = new ExtensionHandshake(Map.of("ut_metadata", 1, "ut_pex", 2),
                Optional.of("Shoal 0.2"), 6881, 500, Optional.of(InetAddress.getByName("127.0.0.1")), 30_060);
        assertEquals(ours, ExtensionHandshake.parse(ours.encode(), PAYLOADS));
    }

    @Test
    void informationalKeysOfTheWrongTypeAreIgnored() throws Exception {
        ExtensionHandshake theirs = parse("d1:md11:ut_metadatai3ee1:pi99999e4:reqq3:abc1:vi5e6:yourip3:abce");
        assertEquals(3, theirs.idOf("ut_metadata"));
        assertEquals(0, theirs.listenPort());
        assertEquals(0, theirs.requestQueue());
        assertEquals(Optional.empty(), theirs.client());
        assertEquals(Optional.empty(), theirs.yourIp());
        assertEquals(-1, theirs.metadataSize());
    }

    /** Found by ExtendedPayloadFuzzTest: -5 was kept, and re-encoded as no size at all (-1). */
    @Test
    void aNegativeMetadataSizeIsNoSize() throws Exception {
        ExtensionHandshake theirs = parse("d1:md11:ut_metadatai2ee13:metadata_sizei-5ee");
        assertEquals(-1, theirs.metadataSize());
        assertEquals(theirs, ExtensionHandshake.parse(theirs.encode(), PAYLOADS));
        assertEquals(100, parse("d13:metadata_sizei100ee").updatedBy(theirs).metadataSize(), "not a new size");
    }

    /** Found by ExtendedPayloadFuzzTest: the cut split a surrogate pair, whose half re-encoded as '?'. */
    @Test
    void aLongClientIsCutBetweenCharacters() throws Exception {
        byte[] v = ("x".repeat(63) + "\uD83D\uDE00xxx").getBytes(StandardCharsets.UTF_8);
        ExtensionHandshake theirs = ExtensionHandshake.parse(("d1:v" + v.length + ":" + new String(v,
                StandardCharsets.ISO_8859_1) + "e").getBytes(StandardCharsets.ISO_8859_1), PAYLOADS);
        assertEquals(Optional.of("x".repeat(63)), theirs.client());
        assertEquals(theirs, ExtensionHandshake.parse(theirs.encode(), PAYLOADS));
    }

    @Test
    void aMalformedHandshakeIsRefused() {
        assertThrows(ExtensionException.class, () -> parse("li1ee"), "not a dictionary");
        assertThrows(ExtensionException.class, () -> parse("d1:mi1ee"), "m not a dictionary");
        assertThrows(ExtensionException.class, () -> parse("d1:md1:ai256eee"), "id above 255");
        assertThrows(ExtensionException.class, () -> parse("d1:md1:a1:xee"), "id not an integer");
        assertThrows(ExtensionException.class, () -> parse("d1:md1:ai1ee"), "truncated");
        assertThrows(ExtensionException.class, () -> parse("d1:md1:ad1:ad1:ad1:ai1eeeeee"), "nested too deep");
    }

    @Test
    void aLaterHandshakeAddsToMAndZeroDisables() throws Exception {
        ExtensionHandshake first = parse("d1:md11:ut_metadatai3e6:ut_pexi4ee13:metadata_sizei100ee");
        ExtensionHandshake later = first.updatedBy(parse("d1:md6:ut_pexi0eee"));
        assertEquals(3, later.idOf("ut_metadata"));
        assertEquals(0, later.idOf("ut_pex"));
        assertEquals(100, later.metadataSize());
    }
}
