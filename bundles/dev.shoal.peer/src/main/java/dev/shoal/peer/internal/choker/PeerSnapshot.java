package dev.shoal.peer.internal.choker;

/**
 * What the choker needs to know of one connected peer at a rechoke.
 *
 * @param peer            the caller's handle
 * @param interested      it wants something we have
 * @param downloadRate    bytes/s we receive from it (what tit-for-tat rewards while leeching)
 * @param uploadRate      bytes/s we send to it (what seeding rewards: peers that take data fast)
 * @param connectedMillis when it connected, on the choker's clock
 * @param snubbed         it has sent us nothing for a minute although we asked
 * @param stalled         its socket has taken none of our blocks for as long: it does not read
 */
public record PeerSnapshot<P>(P peer, boolean interested, double downloadRate, double uploadRate,
        long connectedMillis, boolean snubbed, boolean stalled) {

    /** A peer that reads what we send. */
    public PeerSnapshot(P peer, boolean interested, double downloadRate, double uploadRate, long connectedMillis,
            boolean snubbed) {
        this(peer, interested, downloadRate, uploadRate, connectedMillis, snubbed, false);
    }
}
