package dev.shoal.dht.internal.krpc;

/** A datagram that is not a well-formed KRPC message; the message says why in one line. */
public final class KrpcException extends Exception {

    private static final long serialVersionUID = 1L;

    public KrpcException(String message) {
        super(message);
    }
}
