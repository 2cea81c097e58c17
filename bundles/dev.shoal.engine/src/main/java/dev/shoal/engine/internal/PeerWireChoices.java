package dev.shoal.engine.internal;

import dev.shoal.engine.api.EngineException;
import dev.shoal.engine.api.RateLimits;
import dev.shoal.peer.api.SwarmService;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the engine's callers chose for the peer wire as a whole (global rate limits, the listening
 * port), kept here rather than only in the service, so that a peer wire swapped in gets the same.
 */
final class PeerWireChoices {

    private static final Logger LOG = LoggerFactory.getLogger(PeerWireChoices.class);

    private final Services services;
    private volatile RateLimits globalLimits;
    /** The port {@link #listen} bound last; 0: none chosen, the peer wire's configuration rules. */
    private volatile int chosenPort;

    PeerWireChoices(Services services, RateLimits globalLimits) {
        this.services = services;
        this.globalLimits = globalLimits;
    }

    RateLimits globalLimits() {
        return globalLimits;
    }

    void setGlobalLimits(RateLimits limits) {
        globalLimits = limits;
        services.swarms.get().ifPresent(swarms -> swarms.setGlobalRateLimits(Limits.toSwarm(limits)));
    }

    /** The current peer wire takes what was chosen: a new one after a swap listens where its predecessor did. */
    void applyToCurrent() {
        services.swarms.get().ifPresent(swarms -> {
            swarms.setGlobalRateLimits(Limits.toSwarm(globalLimits));
            int port = chosenPort;
            if (port == 0 || swarms.listenPort() == port) {
                return;
            }
            try {
                swarms.listen(port);
                LOG.info("the new peer wire listens on port {}, as set before it came", port);
            } catch (IOException e) {
                LOG.warn("the new peer wire cannot listen on port {} set before it came: {}; it listens on {}", port,
                        e.getMessage(), swarms.listenPort());
            }
        });
    }

    /** Listens on {@code port} (0: a free one) from now on, this peer wire and the next. */
    void listen(int port) throws EngineException {
        if (port < 0 || port > 65535) {
            throw new EngineException("not a port: " + port);
        }
        SwarmService swarms = services.swarms.get()
                .orElseThrow(() -> new EngineException("cannot listen on port " + port + ": the peer wire is not running"));
        try {
            swarms.listen(port);
            chosenPort = swarms.listenPort();
        } catch (IOException e) {
            String reason = String.valueOf(e.getMessage());
            throw new EngineException(reason.startsWith("cannot listen on port " + port) ? reason
                    : "cannot listen on port " + port + ": " + reason, e);
        }
    }
}
