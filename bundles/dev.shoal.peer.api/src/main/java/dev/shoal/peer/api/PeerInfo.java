package dev.shoal.peer.api;

import java.net.InetSocketAddress;

/**
 * One connected peer at one moment.
 *
 * @param address        its address
 * @param client         its client, as its peer id tells (e.g. {@code -TR3000-}), or "unknown"
 * @param outgoing       we dialled it
 * @param piecesHave     how many pieces it has
 * @param downloadRate   bytes/s we receive from it
 * @param uploadRate     bytes/s we send to it
 * @param downloaded     block bytes received from it
 * @param uploaded       block bytes sent to it
 * @param chokingUs      it refuses our requests now
 * @param choked         we refuse its requests now
 * @param interested     it wants something we have
 * @param snubbed        it sent nothing for a minute though we asked
 * @param requests       our requests waiting for an answer from it
 */
public record PeerInfo(InetSocketAddress address, String client, boolean outgoing, int piecesHave,
        long downloadRate, long uploadRate, long downloaded, long uploaded, boolean chokingUs, boolean choked,
        boolean interested, boolean snubbed, int requests) {
}
