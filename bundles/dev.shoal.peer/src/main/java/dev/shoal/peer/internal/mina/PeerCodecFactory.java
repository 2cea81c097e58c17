package dev.shoal.peer.internal.mina;

import dev.shoal.peer.internal.codec.Frames;
import dev.shoal.peer.internal.codec.HandshakeCodec;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolCodecFactory;
import org.apache.mina.filter.codec.ProtocolDecoder;
import org.apache.mina.filter.codec.ProtocolEncoder;

/**
 * The peer wire codec for a {@code ProtocolCodecFilter}. Encoder and decoder are shared: each
 * session's state is in its attributes ({@link WireState}, and MINA's own for the partial frame).
 */
public final class PeerCodecFactory implements ProtocolCodecFactory {

    private final PeerWireEncoder encoder;
    private final PeerWireDecoder decoder;

    public PeerCodecFactory(HandshakeCodec handshakes, Frames frames) {
        this.encoder = new PeerWireEncoder(handshakes, frames);
        this.decoder = new PeerWireDecoder(handshakes, frames);
    }

    @Override
    public ProtocolEncoder getEncoder(IoSession session) {
        return encoder;
    }

    @Override
    public ProtocolDecoder getDecoder(IoSession session) {
        return decoder;
    }
}
