package dev.shoal.peer.internal.pex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BString;
import dev.shoal.bencode.BencodeEncoder;
import dev.shoal.peer.internal.extension.ExtensionException;
import dev.shoal.peer.internal.extension.ExtensionPayloads;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ut_pex codec: both families round-trip with their flags; reading is bounded; broken strings refused. */
class PexMessageTest {

    private static final ExtensionPayloads PAYLOADS = new ExtensionPayloads(1 << 20);

    static InetSocketAddress v4(int last, int port) {
        return new InetSocketAddress("10.0.0." + last, port);
    }

    @Test
    void bothFamiliesRoundTripWithFlags() throws Exception {
        PexMessage message = new PexMessage(List.of(new PexPeer(v4(1, 6881), PexPeer.SEED | PexPeer.CONNECTABLE),
                new PexPeer(new InetSocketAddress("2001:db8::1", 51413), PexPeer.CONNECTABLE),
                new PexPeer(v4(2, 65535), 0)),
                List.of(v4(3, 1), new InetSocketAddress("2001:db8::2", 2)));
        PexMessage read = PexMessage.parse(message.encode(), PAYLOADS, 50);
        // IPv4 first, then IPv6: the order of the keys on the wire.
        assertEquals(List.of(message.added().get(0), message.added().get(2), message.added().get(1)), read.added());
        assertEquals(message.dropped(), read.dropped());
    }

    @Test
    void theCompactLayoutIsBep11() {
        byte[] encoded = new PexMessage(List.of(new PexPeer(new InetSocketAddress("1.2.3.4", 0x1AE1), 0x12)),
                List.of()).encode();
        String text = new String(encoded, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals("d5:added6:\u0001\u0002\u0003\u0004\u001a\u00e17:added.f1:\u00127:dropped0:e", text);
    }

    @Test
    void tenThousandPeersAreReadAsTheLimit() throws Exception {
        byte[] compact = new byte[10_000 * 6];
        for (int i = 0; i < 10_000; i++) {
            compact[i * 6] = 10;
            compact[i * 6 + 2] = (byte) (i >> 8);
            compact[i * 6 + 3] = (byte) i;
            compact[i * 6 + 5] = 1;
        }
        byte[] payload = BencodeEncoder.encode(BDictionary.builder().put("added", BString.of(compact)).build());
        PexMessage read = PexMessage.parse(payload, PAYLOADS, 50);
        assertEquals(50, read.added().size());
        assertTrue(read.added().stream().allMatch(p -> p.flags() == 0), "no added.f: no flags");
    }

    @Test
    void aCompactStringOfTheWrongLengthIsRefused() {
        byte[] payload = BencodeEncoder.encode(BDictionary.builder().put("added", BString.of(new byte[7])).build());
        ExtensionException e = assertThrows(ExtensionException.class, () -> PexMessage.parse(payload, PAYLOADS, 50));
        assertEquals("ut_pex 'added' has 7 bytes, not a multiple of 6", e.getMessage());
        byte[] v6 = BencodeEncoder.encode(BDictionary.builder().put("dropped6", BString.of(new byte[20])).build());
        assertThrows(ExtensionException.class, () -> PexMessage.parse(v6, PAYLOADS, 50));
    }

    @Test
    void portZeroIsNoPeer() throws Exception {
        byte[] payload = BencodeEncoder.encode(BDictionary.builder()
                .put("added", BString.of(new byte[] {10, 0, 0, 1, 0, 0, 10, 0, 0, 2, 0, 1})).build());
        assertEquals(List.of(new PexPeer(v4(2, 1), 0)), PexMessage.parse(payload, PAYLOADS, 50).added());
    }
}
