package dev.shoal.peer.internal.net;

import dev.shoal.peer.internal.codec.BlockPool;
import dev.shoal.peer.internal.codec.Frames;
import dev.shoal.peer.internal.codec.HandshakeCodec;
import dev.shoal.peer.internal.mina.PeerCodecFactory;
import dev.shoal.peer.internal.mse.MseFilter;
import org.apache.mina.core.service.IoService;
import org.apache.mina.filter.codec.ProtocolCodecFilter;

/**
 * The filter chain both sides share: Message Stream Encryption, then the peer wire codec, nothing
 * else (the handler never blocks).
 */
final class Sessions {

    static final String CODEC = "peer-wire";

    private Sessions() {
    }

    /** {@code blocks}: the buffers received blocks are decoded into; {@code mse} goes below the codec. */
    static void configure(IoService service, BlockPool blocks, MseFilter mse) {
        // Blocks are 16 KiB: reading 64 KiB (up to 256 KiB) at a time takes several per system call.
        service.getSessionConfig().setReadBufferSize(64 * 1024);
        service.getSessionConfig().setMaxReadBufferSize(256 * 1024);
        service.getFilterChain().addLast(MseFilter.NAME, mse);
        service.getFilterChain().addLast(CODEC, new ProtocolCodecFilter(
                new PeerCodecFactory(new HandshakeCodec(), new Frames(blocks))));
    }
}
