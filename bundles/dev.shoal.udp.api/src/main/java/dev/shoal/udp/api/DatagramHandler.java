package dev.shoal.udp.api;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Claims the datagrams of one protocol arriving on the {@link UdpPort} (whiteboard). Handlers are
 * asked in ascending {@link #ORDER} until one answers true; a datagram nobody claims is dropped.
 */
@ConsumerType
public interface DatagramHandler {

    /** Service property (Integer): where the handler is asked; lower first. */
    String ORDER = "shoal.udp.order";

    /** uTP is asked first: its 20-byte header is recognised cheaply (libtorrent's order). */
    int ORDER_UTP = 100;

    /** The DHT then takes bencoded dictionaries ({@code 'd'} first, more than 20 bytes). */
    int ORDER_DHT = 200;

    /** UDP tracker replies last: they are matched to an outstanding transaction id. */
    int ORDER_TRACKER = 300;

    /**
     * Offered one datagram on the receive thread: claims it (true) or leaves it to the next
     * handler (false). Must not block, and must not keep {@code datagram}: its content is valid only
     * during the call (copy what is kept). It is a read-only view of the socket's one receive buffer,
     * not backed by an array (read it with {@code get}), from position 0 to the datagram's length,
     * whatever the handler before read. A handler that throws is logged and treated as false.
     */
    boolean handle(InetSocketAddress from, ByteBuffer datagram);
}
