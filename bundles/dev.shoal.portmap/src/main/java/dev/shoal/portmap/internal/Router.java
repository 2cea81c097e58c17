package dev.shoal.portmap.internal;

import java.io.IOException;

/**
 * One router spoken to in one protocol. Calls block (a few seconds at most) and come from the
 * port mapper's own thread, one at a time.
 */
interface Router {

    /** {@code Mapping.UPNP}, {@code Mapping.PCP} or {@code Mapping.NAT_PMP}: what it speaks, as far as known now. */
    String method();

    /** Where it is, for people: "eth0 via 192.168.1.1", "http://192.168.1.1:5000/ctl/IPConn". */
    String describe();

    /** Maps {@code port} (the same port outside, if the router agrees) for {@code leaseSeconds} (0 = permanent). */
    Grant map(Transport transport, int port, long leaseSeconds) throws IOException;

    /** Removes the mapping of {@code port}. */
    void unmap(Transport transport, int port) throws IOException;
}
