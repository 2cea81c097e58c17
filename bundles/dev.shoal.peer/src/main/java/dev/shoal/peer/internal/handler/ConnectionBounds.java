package dev.shoal.peer.internal.handler;

/**
 * How many connections of one kind (before their handshake, say) may exist at once: in total, and
 * from one IP address, so that one host cannot take the whole allowance.
 */
public record ConnectionBounds(int total, int perAddress) {

    public ConnectionBounds {
        if (total < 1 || perAddress < 1) {
            throw new IllegalArgumentException("connection bounds must be positive: " + total + ", " + perAddress);
        }
    }
}
