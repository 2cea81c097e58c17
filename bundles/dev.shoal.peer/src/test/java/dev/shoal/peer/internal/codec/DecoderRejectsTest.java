package dev.shoal.peer.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.peer.internal.wire.Bitfield;
import dev.shoal.peer.internal.wire.Request;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a peer must not get away with; each is a {@link WireException}, never another exception. */
class DecoderRejectsTest {

    private final Frames frames = new Frames();

    private WireException rejected(String hex, WireLimits limits) {
        return assertThrows(WireException.class, () -> frames.decode(ByteLayoutTest.bytes(hex), limits));
    }

    private WireException rejected(String hex) {
        return rejected(hex, WireLimits.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "00000002 00 00", // choke with a byte left over
        "00000004 04 000000", // have one byte short
        "00000006 04 0000000000", // have one byte long
        "0000000c 06 00000001 00004000 0000", // request short
        "0000000e 06 00000001 00004000 00004000 00", // request long
        "00000002 09 1a", // port short
        "00000004 09 1ae100", // port long
        "00000002 0e 00", // have all long
        "00000008 07 00000000 000000", // piece without a whole header
        "00000001 14", // extended without its id
    })
    void fixedSizeMessagesFailOnShortOrLongPayloads(String hex) {
        rejected(hex);
    }

    @Test
    void aMaximalLengthPrefixIsRejectedFromTheFourBytesAlone() {
        ByteBuffer prefix = ByteBuffer.wrap(ByteLayoutTest.bytes("7fffffff"));
        WireException e = assertThrows(WireException.class, () -> frames.next(prefix, WireLimits.DEFAULT));
        assertTrue(e.getMessage().contains("2147483647"), e.getMessage());
        assertThrows(WireException.class, () -> frames.next(ByteBuffer.wrap(ByteLayoutTest.bytes("ffffffff")),
                WireLimits.DEFAULT));
    }

    @Test
    void anOversizeFixedMessageIsRejectedFromItsHeaderWithoutWaitingForThePayload() {
        // A have claiming 1000 bytes: the 5-byte header is enough to refuse it.
        assertThrows(WireException.class,
                () -> frames.next(ByteBuffer.wrap(ByteLayoutTest.bytes("000003e8 04")), WireLimits.DEFAULT));
    }

    @Test
    void anIncompleteFrameLeavesThePositionAlone() throws WireException {
        ByteBuffer partial = ByteBuffer.wrap(ByteLayoutTest.bytes("0000000d 06 00000001 0000"));
        assertNull(frames.next(partial, WireLimits.DEFAULT));
        assertEquals(0, partial.position());
    }

    @Test
    void aPieceBlockOverTheBlockLimitIsRejected() {
        ByteBuffer header = ByteBuffer.allocate(13).putInt(9 + 16 * 1024 + 1).put((byte) 7).putInt(0).putInt(0).flip();
        assertThrows(WireException.class, () -> frames.next(header, WireLimits.DEFAULT));
    }

    @Test
    void unknownIdsAreAnError() {
        WireException e = rejected("00000001 0a");
        assertTrue(e.getMessage().contains("unknown message id 10"), e.getMessage());
        rejected("00000001 ff");
    }

    @Test
    void requestsOver128KiBAreAnErrorButUpTo128KiBPass() throws WireException {
        rejected("0000000d 06 00000000 00000000 00020001");
        rejected("0000000d 08 00000000 00000000 80000000");
        assertEquals(new Request(0, 0, 128 * 1024),
                frames.decode(ByteLayoutTest.bytes("0000000d 06 00000000 00000000 00020000"), WireLimits.DEFAULT));
    }

    @Test
    void negativeIndicesBeginsAndZeroLengthsAreErrors() {
        rejected("00000005 04 80000000");
        rejected("0000000d 06 00000000 ffffffff 00004000");
        rejected("0000000d 06 00000000 00000000 00000000");
        rejected("00000009 07 ffffffff 00000000");
    }

    @Test
    void onceThePieceCountIsKnownBitfieldsMustFitItExactly() throws WireException {
        WireLimits tenPieces = WireLimits.DEFAULT.withPieceCount(10);
        assertEquals(new Bitfield(new byte[] {(byte) 0xFF, (byte) 0xC0}),
                frames.decode(ByteLayoutTest.bytes("00000003 05 ffc0"), tenPieces));
        rejected("00000003 05 ffe0", tenPieces); // spare bit of piece 10 set
        rejected("00000002 05 ff", tenPieces); // short
        rejected("00000004 05 ffc000", tenPieces); // long: refused from the header
        rejected("00000005 04 0000000a", tenPieces); // have of piece 10 of 10
        rejected("0000000d 06 0000000a 00000000 00004000", tenPieces);
    }

    @Test
    void aHandshakeForAnotherProtocolIsRejected() {
        HandshakeCodec codec = new HandshakeCodec();
        byte[] bytes = new byte[68];
        bytes[0] = 19;
        System.arraycopy("BitTorrent protocoL".getBytes(StandardCharsets.US_ASCII), 0, bytes, 1, 19);
        assertThrows(WireException.class, () -> codec.decode(bytes));
        bytes[0] = 18;
        assertThrows(WireException.class, () -> codec.decode(bytes));
        assertThrows(WireException.class, () -> codec.decode(new byte[67]));
    }
}
