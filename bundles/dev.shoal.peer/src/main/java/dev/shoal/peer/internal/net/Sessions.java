package dev.shoal.peer.internal.net;

import dev.shoal.peer.internal.mina.PeerCodecFactory;
import org.apache.mina.core.service.IoService;
import org.apache.mina.filter.codec.ProtocolCodecFilter;

/** The filter chain both sides share: the peer wire codec, nothing else (the handler never blocks). */
final class Sessions {

    static final String CODEC = "peer-wire";

    private Sessions() {
    }

    static void configure(IoService service) {
        service.getFilterChain().addLast(CODEC, new ProtocolCodecFilter(new PeerCodecFactory()));
    }
}
