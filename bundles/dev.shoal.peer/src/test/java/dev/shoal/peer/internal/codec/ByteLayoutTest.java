package dev.shoal.peer.internal.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.peer.internal.wire.AllowedFast;
import dev.shoal.peer.internal.wire.Bitfield;
import dev.shoal.peer.internal.wire.Cancel;
import dev.shoal.peer.internal.wire.Choke;
import dev.shoal.peer.internal.wire.Extended;
import dev.shoal.peer.internal.wire.Handshake;
import dev.shoal.peer.internal.wire.Have;
import dev.shoal.peer.internal.wire.HaveAll;
import dev.shoal.peer.internal.wire.HaveNone;
import dev.shoal.peer.internal.wire.Interested;
import dev.shoal.peer.internal.wire.KeepAlive;
import dev.shoal.peer.internal.wire.NotInterested;
import dev.shoal.peer.internal.wire.PeerId;
import dev.shoal.peer.internal.wire.PeerMessage;
import dev.shoal.peer.internal.wire.Piece;
import dev.shoal.peer.internal.wire.Port;
import dev.shoal.peer.internal.wire.RejectRequest;
import dev.shoal.peer.internal.wire.Request;
import dev.shoal.peer.internal.wire.Reserved;
import dev.shoal.peer.internal.wire.SuggestPiece;
import dev.shoal.peer.internal.wire.Unchoke;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Exact bytes, written out by hand from BEP 3 (ids 0-8), BEP 5 (9), BEP 6 (0x0D-0x11) and BEP 10 (20). */
class ByteLayoutTest {

    private final Frames frames = new Frames();

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of(new KeepAlive(), "00000000"),
                Arguments.of(new Choke(), "00000001 00"),
                Arguments.of(new Unchoke(), "00000001 01"),
                Arguments.of(new Interested(), "00000001 02"),
                Arguments.of(new NotInterested(), "00000001 03"),
                Arguments.of(new Have(0x01020304), "00000005 04 01020304"),
                Arguments.of(new Bitfield(new byte[] {(byte) 0xA0, 0x01}), "00000003 05 a001"),
                Arguments.of(new Request(1, 0x4000, 0x4000), "0000000d 06 00000001 00004000 00004000"),
                Arguments.of(new Piece(2, 0x8000, new byte[] {(byte) 0xDE, (byte) 0xAD}),
                        "0000000b 07 00000002 00008000 dead"),
                Arguments.of(new Cancel(1, 0x4000, 0x4000), "0000000d 08 00000001 00004000 00004000"),
                Arguments.of(new Port(6881), "00000003 09 1ae1"),
                Arguments.of(new SuggestPiece(5), "00000005 0d 00000005"),
                Arguments.of(new HaveAll(), "00000001 0e"),
                Arguments.of(new HaveNone(), "00000001 0f"),
                Arguments.of(new RejectRequest(3, 0, 0x4000), "0000000d 10 00000003 00000000 00004000"),
                Arguments.of(new AllowedFast(6), "00000005 11 00000006"),
                Arguments.of(new Extended(0, "de".getBytes(StandardCharsets.US_ASCII)), "00000004 14 00 6465"));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void encodesToTheBytesOfTheBep(PeerMessage message, String hex) throws WireException {
        byte[] expected = bytes(hex);
        assertArrayEquals(expected, frames.encode(message));
        assertEquals(message, frames.decode(expected, WireLimits.DEFAULT));
    }

    @Test
    void handshakeIsNineteenTheProtocolReservedInfoHashAndPeerId() throws WireException {
        InfoHash infoHash = InfoHash.fromHex("0123456789abcdef0123456789abcdef01234567");
        PeerId peerId = new PeerId("-SH0100-abcdefghijkl".getBytes(StandardCharsets.US_ASCII));
        Handshake handshake = new Handshake(Reserved.NONE.withFastExtension(true).withExtensionProtocol(true),
                infoHash, peerId);
        String expected = "13" + HexFormat.of().formatHex("BitTorrent protocol".getBytes(StandardCharsets.US_ASCII))
                + "0000000000100004" + infoHash.hex()
                + HexFormat.of().formatHex("-SH0100-abcdefghijkl".getBytes(StandardCharsets.US_ASCII));
        HandshakeCodec codec = new HandshakeCodec();
        assertArrayEquals(bytes(expected), codec.encode(handshake));
        assertEquals(68, codec.encode(handshake).length);
        assertEquals(handshake, codec.decode(bytes(expected)));
    }

    static byte[] bytes(String spacedHex) {
        return HexFormat.of().parseHex(spacedHex.replace(" ", ""));
    }
}
