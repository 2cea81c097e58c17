package dev.shoal.peer.api;

import java.net.InetSocketAddress;
import java.util.Objects;

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
 * @param source         where its address came from first: {@link #TRACKER}, {@link #PEX},
 *                       {@link #INCOMING} (it dialled us), {@link #MAGNET}, a peer source's name
 *                       ("dht", "lsd"), or {@link #UNKNOWN} (since 1.4)
 * @param encrypted      the connection's payload is RC4-encrypted (Message Stream Encryption) (since 1.6)
 */
public record PeerInfo(InetSocketAddress address, String client, boolean outgoing, int piecesHave,
        long downloadRate, long uploadRate, long downloaded, long uploaded, boolean chokingUs, boolean choked,
        boolean interested, boolean snubbed, int requests, String source, boolean encrypted) {

    /** A tracker's announce gave its address. @since 1.4 */
    public static final String TRACKER = "tracker";
    /** A peer named it in a PEX message (BEP 11). @since 1.4 */
    public static final String PEX = "pex";
    /** It dialled us. @since 1.4 */
    public static final String INCOMING = "incoming";
    /** The magnet link named it ({@code x.pe}). @since 1.4 */
    public static final String MAGNET = "magnet";
    /** Nobody said. @since 1.4 */
    public static final String UNKNOWN = "unknown";

    public PeerInfo {
        Objects.requireNonNull(source, "source");
    }

    /** A peer over a plaintext connection, as before encryption was known. */
    public PeerInfo(InetSocketAddress address, String client, boolean outgoing, int piecesHave, long downloadRate,
            long uploadRate, long downloaded, long uploaded, boolean chokingUs, boolean choked, boolean interested,
            boolean snubbed, int requests, String source) {
        this(address, client, outgoing, piecesHave, downloadRate, uploadRate, downloaded, uploaded, chokingUs, choked,
                interested, snubbed, requests, source, false);
    }

    /** A peer whose source is {@link #UNKNOWN}, as before sources were kept. */
    public PeerInfo(InetSocketAddress address, String client, boolean outgoing, int piecesHave, long downloadRate,
            long uploadRate, long downloaded, long uploaded, boolean chokingUs, boolean choked, boolean interested,
            boolean snubbed, int requests) {
        this(address, client, outgoing, piecesHave, downloadRate, uploadRate, downloaded, uploaded, chokingUs, choked,
                interested, snubbed, requests, UNKNOWN);
    }
}
