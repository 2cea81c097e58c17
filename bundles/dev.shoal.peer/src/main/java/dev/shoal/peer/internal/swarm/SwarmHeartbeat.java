package dev.shoal.peer.internal.swarm;

import dev.shoal.peer.internal.picker.PiecePicker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A swarm's work once a second, while it has any: the rates fall, each peer's requests and upload
 * queue are looked at, choking, the extensions, turnover and dialling; and when there is nothing left
 * to do until something happens, the {@link SwarmTicker} is put to rest. Runs under the swarm's lock.
 */
final class SwarmHeartbeat {

    private static final Logger LOG = LoggerFactory.getLogger(SwarmHeartbeat.class);
    private static final long TICK_MILLIS = 1000;

    /** The parts of the swarm a tick drives. */
    record Parts(PeerRoster roster, PiecePicker<PeerState> picker, RateMeter received, Downloader downloader,
            Uploader uploader, Unchoker unchoker, Extensions extensions) {
    }

    private final String name;
    private final int pieceCount;
    private final Clock clock;
    private final Parts parts;
    private final SwarmTicker ticker;
    private long lastTickMillis;

    SwarmHeartbeat(String name, int pieceCount, Clock clock, SwarmLock lock, SwarmContext context, Parts parts) {
        this.name = name;
        this.pieceCount = pieceCount;
        this.clock = clock;
        this.parts = parts;
        this.lastTickMillis = clock.millis();
        this.ticker = new SwarmTicker(context.scheduler(), () -> lock.run(this::tick), TICK_MILLIS);
    }

    /** Ticks again if it rested; the first tick then counts its second from now, not from the rest. */
    void wake() {
        if (ticker.wake()) {
            lastTickMillis = clock.millis();
        }
    }

    /** Whether the timer runs. */
    boolean running() {
        return ticker.running();
    }

    void close() {
        ticker.close();
    }

    /**
     * Whether a tick has nothing to do until something wakes it: every wanted piece here, nobody
     * connected or to dial, no rate still falling. An unfinished download keeps ticking, as it asks
     * for peers every so often.
     */
    private boolean resting() {
        return parts.roster.size() == 0 && parts.roster.idle() && parts.picker.isFinished()
                && parts.received.atRest() && parts.uploader.sent().atRest();
    }

    private void tick() {
        if (parts.roster.closed()) {
            return;
        }
        try {
            long now = clock.millis();
            long elapsed = now - lastTickMillis;
            lastTickMillis = now;
            parts.received.tick(elapsed);
            parts.uploader.sent().tick(elapsed);
            for (PeerState peer : parts.roster.all()) {
                peer.received.tick(elapsed);
                peer.sent.tick(elapsed);
                LOG.debug("{}: {} rate {} depth {} requested {} slow {}", name, peer.address,
                        peer.received.rate(), peer.queueDepth, peer.requested.size(), peer.slowStart);
                parts.downloader.tick(peer);
                parts.uploader.tick(peer);
            }
            parts.unchoker.tick(parts.roster.all(), parts.picker.isFinished());
            parts.extensions.tick(parts.roster.all(), pieceCount);
            parts.roster.turnover();
            parts.roster.dial();
            if (resting()) {
                ticker.rest();
            }
        } catch (RuntimeException e) {
            // A bug here must not stop the timer for good: the swarm would silently freeze.
            LOG.error("{}: swarm tick failed", name, e);
        }
    }
}
