package dev.shoal.udp.internal;

/**
 * The shared socket's counters at one moment, since it was made.
 *
 * @param droppedSends datagrams refused by {@code send}: the queue full, the socket closed, too large
 * @param failedSends  datagrams the socket could not send (an unreachable address family, a rebind)
 */
record UdpStatus(int port, Handlers.DispatchCounts dispatch, long sent, long droppedSends, long failedSends) {

    @Override
    public String toString() {
        return "UDP port " + port + ": received " + dispatch.received() + ", claimed " + dispatch.claimedByHandler()
                + ", unclaimed " + dispatch.unclaimed() + ", handler failures " + dispatch.handlerFailures()
                + "; sent " + sent + ", dropped " + droppedSends + ", failed " + failedSends;
    }
}
