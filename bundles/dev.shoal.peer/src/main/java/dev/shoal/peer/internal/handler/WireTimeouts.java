package dev.shoal.peer.internal.handler;

/**
 * @param keepAliveSeconds        send a keep-alive after this long without sending anything (BEP 3
 *                                peers drop a connection after about two minutes of silence)
 * @param receiveTimeoutSeconds   close a connection after this long without receiving anything
 * @param handshakeTimeoutSeconds close a connection whose peer has not completed its handshake this
 *                                long after it opened, however many bytes of it came (libtorrent's
 *                                {@code handshake_timeout}, 10 s): a trickle must not hold a socket
 */
public record WireTimeouts(int keepAliveSeconds, int receiveTimeoutSeconds, int handshakeTimeoutSeconds) {

    public static final int DEFAULT_HANDSHAKE_SECONDS = 10;
    public static final WireTimeouts DEFAULT = new WireTimeouts(120, 180, DEFAULT_HANDSHAKE_SECONDS);

    public WireTimeouts {
        if (keepAliveSeconds <= 0 || receiveTimeoutSeconds <= 0 || handshakeTimeoutSeconds <= 0) {
            throw new IllegalArgumentException("time-outs must be positive");
        }
    }

    public WireTimeouts(int keepAliveSeconds, int receiveTimeoutSeconds) {
        this(keepAliveSeconds, receiveTimeoutSeconds, DEFAULT_HANDSHAKE_SECONDS);
    }
}
