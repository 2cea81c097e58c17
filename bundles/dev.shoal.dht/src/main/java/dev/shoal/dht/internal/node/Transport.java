package dev.shoal.dht.internal.node;

import java.net.InetSocketAddress;

/**
 * How a {@link DhtNode} sends: the shared UDP port in the product, a plain socket or an in-process
 * network in tests. Must not block; may drop (it is UDP). Datagrams come back through
 * {@link DhtNode#receive}.
 */
public interface Transport {

    void send(InetSocketAddress to, byte[] datagram);
}
