package dev.shoal.peer.internal.codec;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.peer.internal.wire.Handshake;
import dev.shoal.peer.internal.wire.PeerId;
import dev.shoal.peer.internal.wire.Reserved;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The fixed 68-byte handshake: pstrlen 19, "BitTorrent protocol", reserved, info-hash, peer id. */
public final class HandshakeCodec {

    private static final byte[] PROTOCOL = Handshake.PROTOCOL.getBytes(StandardCharsets.US_ASCII);

    public byte[] encode(Handshake handshake) {
        ByteBuffer out = ByteBuffer.allocate(Handshake.LENGTH);
        encode(handshake, out);
        return out.array();
    }

    public void encode(Handshake handshake, ByteBuffer out) {
        out.put((byte) PROTOCOL.length).put(PROTOCOL).put(handshake.reserved().bytes())
                .put(handshake.infoHash().bytes()).put(handshake.peerId().bytes());
    }

    /** Decodes exactly 68 bytes. */
    public Handshake decode(byte[] bytes) throws WireException {
        if (bytes.length != Handshake.LENGTH) {
            throw new WireException("a handshake has " + Handshake.LENGTH + " bytes, not " + bytes.length);
        }
        return next(ByteBuffer.wrap(bytes));
    }

    /** The handshake at {@code in}'s position, or null (position untouched) until all 68 bytes are there. */
    public Handshake next(ByteBuffer in) throws WireException {
        if (in.remaining() < Handshake.LENGTH) {
            return null;
        }
        int start = in.position();
        // Checked byte by byte before consuming, so a peer speaking something else fails at once.
        byte[] protocol = new byte[1 + PROTOCOL.length];
        in.get(start, protocol);
        if (protocol[0] != PROTOCOL.length || !Arrays.equals(protocol, 1, protocol.length, PROTOCOL, 0, PROTOCOL.length)) {
            throw new WireException("not a BitTorrent handshake");
        }
        in.position(start + protocol.length);
        byte[] reserved = new byte[Reserved.LENGTH];
        byte[] infoHash = new byte[InfoHash.V1_LENGTH];
        byte[] peerId = new byte[PeerId.LENGTH];
        in.get(reserved).get(infoHash).get(peerId);
        return new Handshake(new Reserved(reserved), InfoHash.v1(infoHash), new PeerId(peerId));
    }
}
