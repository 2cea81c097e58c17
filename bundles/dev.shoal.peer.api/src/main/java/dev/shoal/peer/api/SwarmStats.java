package dev.shoal.peer.api;

/**
 * A swarm's counters at one moment. Bytes are payload (block data), since the swarm was joined.
 *
 * @param downloaded     block bytes received
 * @param uploaded       block bytes sent
 * @param wasted         block bytes received for nothing: duplicates, unrequested, or in pieces
 *                       that failed their hash
 * @param downloadRate   bytes/s received, averaged over the last few seconds
 * @param uploadRate     bytes/s sent, likewise
 * @param peers          connections open now
 * @param seeds          of those, peers that have every piece
 * @param candidates     addresses known and not yet dialled
 * @param banned         peers banned for sending bad data
 * @param hashFailures   pieces that failed their hash check
 */
public record SwarmStats(long downloaded, long uploaded, long wasted, long downloadRate, long uploadRate,
        int peers, int seeds, int candidates, int banned, int hashFailures) {

    public static final SwarmStats NONE = new SwarmStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
