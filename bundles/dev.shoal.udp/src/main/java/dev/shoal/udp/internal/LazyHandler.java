package dev.shoal.udp.internal;

import dev.shoal.udp.api.DatagramHandler;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.function.Supplier;

/**
 * A registered handler, fetched from the service registry the first time a datagram is offered to
 * it, not when it registers: see {@link UdpPortComponent} for why. While the registry has no object
 * for it (its component failed to activate), datagrams go on to the next handler.
 */
final class LazyHandler implements DatagramHandler {

    private final Supplier<DatagramHandler> locate;
    /** Written and read by the receive thread only; volatile for the status read elsewhere. */
    private volatile DatagramHandler resolved;

    LazyHandler(Supplier<DatagramHandler> locate) {
        this.locate = locate;
    }

    @Override
    public boolean handle(InetSocketAddress from, ByteBuffer datagram) {
        DatagramHandler handler = resolved;
        if (handler == null) {
            handler = locate.get();
            if (handler == null) {
                return false;
            }
            resolved = handler;
        }
        return handler.handle(from, datagram);
    }
}
