package dev.shoal.daemon.internal;

import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.EngineTotals;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the engine running in the daemon. The engine is a delayed component: DS activates it while
 * something uses it and deactivates it when nothing does. In one-shot commands that is what we want
 * ({@code info} never starts it); in the daemon, the torrents must go on while the shell, the remote
 * shell or the watch folder are stopped, updated and started. This bundle sits at the daemon's start
 * level only; when the engine itself is swapped, DS binds the new one here and it restores the torrents.
 */
@Component(service = {}, immediate = true)
public final class EngineKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(EngineKeeper.class);

    @Activate
    public EngineKeeper(@Reference Engine engine) {
        EngineTotals totals = engine.totals();
        LOG.info("engine running: {} torrents, {} active, peers on port {}", totals.torrents(), totals.active(),
                engine.listenPort());
    }

    @Deactivate
    void deactivate() {
        LOG.info("engine released");
    }
}
