package dev.shoal.engine.api;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One connected peer of a torrent at one moment.
 *
 * @param address      its address
 * @param client       its client as its peer id tells (e.g. {@code -TR3000-}), or "unknown"
 * @param outgoing     we dialled it
 * @param progress     share of the torrent it has, 0..1
 * @param downloadRate bytes/s we receive from it
 * @param uploadRate   bytes/s we send to it
 * @param downloaded   bytes received from it
 * @param uploaded     bytes sent to it
 * @param chokingUs    it refuses our requests now
 * @param choked       we refuse its requests now
 * @param interested   it wants something we have
 * @param snubbed      it sent nothing for a minute though we asked
 * @param source       where its address came from first: "tracker", "pex" (another peer named it),
 *                     "incoming" (it dialled us), "magnet" (the link named it), a {@link PeerSource}'s
 *                     name ("dht", "lsd"), or "unknown" (since 2.1)
 * @param encrypted    the connection's payload is RC4-encrypted (Message Stream Encryption) (since 2.4)
 */
public record PeerStatus(InetSocketAddress address, String client, boolean outgoing, double progress,
        long downloadRate, long uploadRate, long downloaded, long uploaded, boolean chokingUs, boolean choked,
        boolean interested, boolean snubbed, String source, boolean encrypted) {

    public PeerStatus {
        Objects.requireNonNull(source, "source");
    }

    /** A peer over a plaintext connection, as before encryption was known. */
    public PeerStatus(InetSocketAddress address, String client, boolean outgoing, double progress, long downloadRate,
            long uploadRate, long downloaded, long uploaded, boolean chokingUs, boolean choked, boolean interested,
            boolean snubbed, String source) {
        this(address, client, outgoing, progress, downloadRate, uploadRate, downloaded, uploaded, chokingUs, choked,
                interested, snubbed, source, false);
    }

    /** A peer whose source is "unknown", as before sources were kept. */
    public PeerStatus(InetSocketAddress address, String client, boolean outgoing, double progress, long downloadRate,
            long uploadRate, long downloaded, long uploaded, boolean chokingUs, boolean choked, boolean interested,
            boolean snubbed) {
        this(address, client, outgoing, progress, downloadRate, uploadRate, downloaded, uploaded, chokingUs, choked,
                interested, snubbed, "unknown");
    }

    /**
     * The usual one-letter flags: D/d we download or could, U/u we upload or could, S snubbed, E
     * encrypted, I/O in or out.
     */
    public String flags() {
        StringBuilder flags = new StringBuilder();
        flags.append(chokingUs ? 'd' : 'D');
        flags.append(choked ? (interested ? "u" : "") : (interested ? "U" : ""));
        if (snubbed) {
            flags.append('S');
        }
        if (encrypted) {
            flags.append('E');
        }
        flags.append(outgoing ? 'O' : 'I');
        return flags.toString();
    }
}
