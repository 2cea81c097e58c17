package dev.shoal.udp.internal;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the shared socket's port: the configured one, else the peer wire's TCP port (libtorrent
 * uses one number for both, so a port forwarded for TCP serves the DHT and uTP too), else any. A
 * wanted port that is taken leaves the socket on a free port with one warning; it is tried again
 * only when what is wanted changes, so the check that follows the TCP port costs nothing meanwhile.
 */
final class PortKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(PortKeeper.class);

    private final SharedSocket socket;
    /** What the last {@link #apply} wanted; -1 before it. */
    private int lastWanted = -1;
    /** The socket sits on a free port because the one wanted was taken. */
    private boolean onFallback;

    PortKeeper(SharedSocket socket) {
        this.socket = socket;
    }

    /**
     * @param configured the configured port, 0 to follow {@code tcpPort}
     * @param tcpPort    the peer wire's listen port, 0 while unknown (then the socket keeps its port,
     *                   or takes a free one)
     * @throws IOException when not even a free port can be bound
     */
    synchronized void apply(int configured, int tcpPort) throws IOException {
        int wanted = configured > 0 ? configured : tcpPort;
        if (wanted == lastWanted && socket.isBound()) {
            return;
        }
        lastWanted = wanted;
        if (wanted <= 0) {
            if (!socket.isBound()) {
                socket.bind(0);
            }
            return;
        }
        if (socket.port() == wanted) {
            onFallback = false;
            return;
        }
        int was = socket.port();
        try {
            socket.bind(wanted);
            onFallback = false;
            LOG.info("UDP port {} (was {})", wanted, was == 0 ? "unbound" : String.valueOf(was));
        } catch (IOException e) {
            if (!onFallback || !socket.isBound()) {
                socket.bind(0);
                onFallback = true;
            }
            LOG.warn("UDP port {} cannot be bound ({}); using port {} instead", wanted, e.getMessage(), socket.port());
        }
    }
}
