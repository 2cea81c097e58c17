package dev.shoal.rpc.internal;

/**
 * Transmission's speed unit: since 2.30 the RPC counts speeds in kB/s of 1000 bytes (its
 * {@code units.speed-bytes}); the engine counts bytes/s.
 */
final class Units {

    static final int SPEED_BYTES = 1000;

    private Units() {
    }

    static long toKilo(long bytesPerSecond) {
        return Math.round((double) bytesPerSecond / SPEED_BYTES);
    }

    static long toBytes(long kiloPerSecond) throws RpcException {
        if (kiloPerSecond < 0 || kiloPerSecond > Long.MAX_VALUE / SPEED_BYTES) {
            throw new RpcException("a speed limit must be between 0 and " + Long.MAX_VALUE / SPEED_BYTES + " kB/s");
        }
        return kiloPerSecond * SPEED_BYTES;
    }
}
