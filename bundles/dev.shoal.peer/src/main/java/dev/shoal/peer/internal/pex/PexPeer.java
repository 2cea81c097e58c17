package dev.shoal.peer.internal.pex;

import java.net.InetSocketAddress;

/**
 * One peer in a PEX message: where it listens, and its BEP 11 flags.
 *
 * @param address its listen address (IPv4 or IPv6)
 * @param flags   {@link #ENCRYPTION}, {@link #SEED}, {@link #CONNECTABLE} or'ed; 0 for dropped peers
 */
public record PexPeer(InetSocketAddress address, int flags) {

    public static final int ENCRYPTION = 0x01;
    public static final int SEED = 0x02;
    /** We reached it by dialling: it accepts incoming connections. */
    public static final int CONNECTABLE = 0x10;
}
