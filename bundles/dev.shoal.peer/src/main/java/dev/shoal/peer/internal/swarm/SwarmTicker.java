package dev.shoal.peer.internal.swarm;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A swarm's once-a-second timer that runs only while there is something to time: a seed with
 * nobody connected, nobody to dial and its rates at rest has nothing to do each second, and a
 * daemon seeding hundreds of torrents would otherwise wake for each of them every second. The swarm
 * puts it to rest from its tick and wakes it on whatever may give it work (a peer connecting, peers
 * offered, pieces wanted again). Used under the swarm's lock only.
 */
final class SwarmTicker {

    private final ScheduledExecutorService scheduler;
    private final Runnable tick;
    private final long periodMillis;
    private ScheduledFuture<?> running;
    private boolean closed;

    SwarmTicker(ScheduledExecutorService scheduler, Runnable tick, long periodMillis) {
        this.scheduler = scheduler;
        this.tick = tick;
        this.periodMillis = periodMillis;
    }

    /** Starts ticking unless it does already or is closed; true when it was at rest. */
    boolean wake() {
        if (running != null || closed) {
            return false;
        }
        running = scheduler.scheduleWithFixedDelay(tick, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        return true;
    }

    /** Stops ticking until the next {@link #wake}. */
    void rest() {
        if (running != null) {
            running.cancel(false);
            running = null;
        }
    }

    boolean running() {
        return running != null;
    }

    void close() {
        closed = true;
        rest();
    }
}
