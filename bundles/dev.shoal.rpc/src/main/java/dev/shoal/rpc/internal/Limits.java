package dev.shoal.rpc.internal;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A Transmission limit pair ({@code downloadLimit} in kB/s and {@code downloadLimited}) applied to
 * the engine's bytes/s, where 0 means no limit: the engine keeps no limit that is set but off.
 */
final class Limits {

    private Limits() {
    }

    static long apply(String name, long currentBytes, OptionalLong kilo, Optional<Boolean> enabled)
            throws RpcException {
        if (enabled.isPresent() && !enabled.get()) {
            return 0;
        }
        if (kilo.isPresent()) {
            if (kilo.getAsLong() == 0 && enabled.orElse(false)) {
                throw new RpcException("'" + name + "' 0 kB/s cannot be enabled: Shoal's 0 means no limit");
            }
            return Units.toBytes(kilo.getAsLong());
        }
        if (enabled.isPresent() && currentBytes == 0) {
            throw new RpcException("enabling a limit needs '" + name + "' too: none is set");
        }
        return currentBytes;
    }
}
