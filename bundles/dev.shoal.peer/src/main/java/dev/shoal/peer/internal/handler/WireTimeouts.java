package dev.shoal.peer.internal.handler;

/**
 * @param keepAliveSeconds      send a keep-alive after this long without sending anything (BEP 3
 *                              peers drop a connection after about two minutes of silence)
 * @param receiveTimeoutSeconds close a connection after this long without receiving anything
 */
public record WireTimeouts(int keepAliveSeconds, int receiveTimeoutSeconds) {

    public static final WireTimeouts DEFAULT = new WireTimeouts(120, 180);

    public WireTimeouts {
        if (keepAliveSeconds <= 0 || receiveTimeoutSeconds <= 0) {
            throw new IllegalArgumentException("time-outs must be positive");
        }
    }
}
