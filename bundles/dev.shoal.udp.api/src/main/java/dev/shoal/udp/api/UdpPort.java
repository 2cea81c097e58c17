package dev.shoal.udp.api;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The shared UDP socket. One service while the socket is bound; when it is rebound to another
 * port the service's {@link #port()} changes and users that announce the port read it again.
 */
@ProviderType
public interface UdpPort {

    /** The local port the socket is bound to. */
    int port();

    /**
     * Queues {@code datagram} (its remaining bytes, copied before this returns) for {@code to}.
     * Never blocks: when the send queue is full, or the socket is closed, the datagram is dropped
     * and this answers false, as UDP may lose any datagram anyway.
     */
    boolean send(InetSocketAddress to, ByteBuffer datagram);
}
