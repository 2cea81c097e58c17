package dev.shoal.rpc.internal;

import dev.shoal.engine.api.IdleLimit;
import dev.shoal.engine.api.Torrent;
import java.time.Duration;
import java.util.OptionalLong;

/** Transmission's {@code tr_idlelimit} (0 the session's, 1 the torrent's own, 2 none) and the engine's {@link IdleLimit}. */
final class IdleModes {

    private static final int GLOBAL = 0;
    private static final int SINGLE = 1;
    private static final int UNLIMITED = 2;

    private IdleModes() {
    }

    static int toRpc(IdleLimit.Mode mode) {
        return switch (mode) {
            case GLOBAL -> GLOBAL;
            case OWN -> SINGLE;
            case NONE -> UNLIMITED;
        };
    }

    /** Checks {@code seedIdleLimit} (minutes) and {@code seedIdleMode} before anything changes. */
    static void check(OptionalLong minutes, OptionalLong mode) throws RpcException {
        if (minutes.isPresent() && (minutes.getAsLong() < 1 || minutes.getAsLong() > Integer.MAX_VALUE)) {
            throw new RpcException("argument 'seedIdleLimit' must be a positive number of minutes");
        }
        if (mode.isPresent() && (mode.getAsLong() < GLOBAL || mode.getAsLong() > UNLIMITED)) {
            throw new RpcException("argument 'seedIdleMode' must be 0, 1 or 2");
        }
    }

    /** The torrent's idle limit with what was given; a limit alone keeps the mode, as Transmission does. */
    static IdleLimit apply(Torrent torrent, OptionalLong minutes, OptionalLong mode) {
        IdleLimit now = torrent.idleLimit();
        Duration limit = minutes.isPresent() ? Duration.ofMinutes(minutes.getAsLong()) : now.limit();
        IdleLimit.Mode chosen = mode.isEmpty() ? now.mode() : switch ((int) mode.getAsLong()) {
            case GLOBAL -> IdleLimit.Mode.GLOBAL;
            case SINGLE -> IdleLimit.Mode.OWN;
            default -> IdleLimit.Mode.NONE;
        };
        return new IdleLimit(chosen, limit);
    }
}
