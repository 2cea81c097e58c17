package dev.shoal.peer.internal.mina;

import dev.shoal.peer.internal.codec.Frames;
import dev.shoal.peer.internal.codec.HandshakeCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.filter.codec.ProtocolCodecSession;

/** Feeds a byte stream to the real MINA decoder in pieces, as TCP may deliver it. */
final class ChunkedDecoding {

    private ChunkedDecoding() {
    }

    static List<Object> decode(byte[] stream, List<Integer> cutPoints) throws Exception {
        ProtocolCodecSession session = new ProtocolCodecSession();
        PeerWireDecoder decoder = new PeerWireDecoder(new HandshakeCodec(), new Frames());
        // The dummy session says its transport does not fragment; a socket does, so accumulate.
        decoder.setTransportMetadataFragmentation(false);
        SortedSet<Integer> cuts = new TreeSet<>();
        for (int cut : cutPoints) {
            cuts.add(Math.floorMod(cut, stream.length + 1));
        }
        cuts.add(stream.length);
        int from = 0;
        for (int to : cuts) {
            IoBuffer read = IoBuffer.wrap(Arrays.copyOfRange(stream, from, to));
            // As ProtocolCodecFilter does: the decoder stops after the handshake, the rest comes next.
            while (read.hasRemaining()) {
                decoder.decode(session, read, session.getDecoderOutput());
            }
            from = to;
        }
        return new ArrayList<>(session.getDecoderOutputQueue());
    }
}
