package dev.shoal.rpc.internal;

/**
 * A call that cannot be answered with success: its message becomes the reply's {@code result}, as
 * Transmission answers errors (one line, never "success").
 */
final class RpcException extends Exception {

    private static final long serialVersionUID = 1L;

    RpcException(String message) {
        super(message);
    }

    /** What Shoal's engine cannot do yet: said so rather than faked. */
    static RpcException notSupported(String what) {
        return new RpcException(what + " is not supported by Shoal yet");
    }
}
