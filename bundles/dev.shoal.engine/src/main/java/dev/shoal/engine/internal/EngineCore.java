package dev.shoal.engine.internal;

import dev.shoal.engine.api.AddMagnet;
import dev.shoal.engine.api.AddTorrent;
import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.EngineException;
import dev.shoal.engine.api.EngineTotals;
import dev.shoal.engine.api.PeerSource;
import dev.shoal.engine.api.RateLimits;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentListener;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.api.TorrentStatus;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.metainfo.Metainfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntBinaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Engine} itself, without OSGi: the table of torrents, the engine thread they change state
 * on, the global limits and the listening port, over whichever storage, announcer and swarm services
 * are there ({@link Services}). Torrents join through {@link Arrivals}; each one's life is its
 * {@link TorrentRuntime}. Made by
 * {@link EngineComponent}, which only wires it.
 */
final class EngineCore implements Engine {

    /** How long deactivation waits for torrents' files to be closed (resume data saved). */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);
    /** How long a service leaving waits for the torrents to let go of it. */
    private static final Duration LET_GO_WAIT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(EngineCore.class);

    private final Services services;
    private final BooleanSupplier frameworkStopping;
    private final EngineThread thread = new EngineThread();
    private final ExecutorService closer;
    private final Listeners listeners = new Listeners();
    private final PeerSources peerSources = new PeerSources();
    /** Changed on the engine thread only; read from any. */
    private final TorrentTable table = new TorrentTable();
    private final TorrentQueue queue;
    private final SessionStore store;
    private final SessionWriter writer;
    private final EngineContext context;
    /** Torrents added from magnet links, until their metadata comes. */
    private final Magnets magnets;
    private final Arrivals arrivals;
    private ScheduledFuture<?> ticker;
    /** When the counters were last saved (engine thread). */
    private long lastSave = System.nanoTime();
    private volatile EngineSettings settings;
    private final PeerWireChoices wire;
    private final AtomicBoolean stopped = new AtomicBoolean();

    /**
     * An engine with no torrent yet; {@link #start()} restores the kept ones.
     *
     * @param frameworkStopping true while the framework shuts down: a service leaving then is a stop,
     *                          not a swap
     */
    EngineCore(EngineSettings settings, Services services, BooleanSupplier frameworkStopping) {
        this.settings = settings;
        this.services = services;
        this.frameworkStopping = frameworkStopping;
        this.wire = new PeerWireChoices(services, settings.globalLimits());
        AtomicInteger closers = new AtomicInteger();
        this.closer = Executors.newCachedThreadPool(work -> {
            Thread created = new Thread(work, "shoal-engine-close-" + closers.incrementAndGet());
            created.setDaemon(true);
            return created;
        });
        this.queue = new TorrentQueue(table, thread, () -> this.settings);
        this.store = new SessionStore(settings.torrentsDirectory());
        this.writer = new SessionWriter(store);
        this.context = new EngineContext(services, thread, closer, listeners, peerSources, () -> this.settings,
                table, queue, writer, this::forget, this::moveInQueue);
        this.magnets = new Magnets(context);
        this.arrivals = new Arrivals(context, store, magnets);
    }

    /** Restores the kept torrents and starts the tick. */
    void start() {
        try {
            thread.call(() -> {
                arrivals.restore();
                wire.applyToCurrent();
                return null;
            });
        } catch (Exception e) {
            LOG.error("restoring the torrents from {} failed", store.directory(), e);
        }
        this.ticker = thread.every(settings.tick(), this::tick);
    }

    void setSettings(EngineSettings changed) {
        boolean limitsChanged = !changed.globalLimits().equals(settings.globalLimits());
        settings = changed;
        // New queue limits may start or send back torrents now.
        thread.execute(queue::changed);
        if (limitsChanged) {
            setGlobalRateLimits(changed.globalLimits());
        }
    }

    EngineSettings settings() {
        return settings;
    }

    void addListener(TorrentListener listener) {
        listeners.add(listener);
    }

    void removeListener(TorrentListener listener) {
        listeners.remove(listener);
    }

    void addPeerSource(PeerSource source) {
        peerSources.add(source);
    }

    void removePeerSource(PeerSource source) {
        peerSources.remove(source);
    }

    /** A service came: the torrents take it up on the engine thread, soon. */
    void serviceArrived() {
        thread.execute(this::followServices);
    }

    /**
     * A service is leaving: the torrents let go of what they opened from it before this returns (at
     * most {@link #LET_GO_WAIT}), since DS's contract is that an unbound service is not used again.
     */
    void serviceLeaving() {
        if (stopped.get()) {
            return;
        }
        try {
            thread.call(() -> {
                followServices();
                return null;
            }, LET_GO_WAIT);
        } catch (TimeoutException e) {
            LOG.warn("the torrents did not let go of a leaving service within {}", LET_GO_WAIT);
        } catch (Exception e) {
            LOG.debug("the engine stopped while a service left", e);
        }
    }

    /** Engine thread. */
    private void followServices() {
        wire.applyToCurrent();
        boolean stopping = frameworkStopping.getAsBoolean();
        for (TorrentRuntime torrent : runtimes()) {
            torrent.servicesChanged(stopping);
        }
        magnets.servicesChanged();
    }

    @Override
    public Torrent add(AddTorrent request) throws EngineException {
        try {
            return thread.call(() -> arrivals.add(request));
        } catch (EngineException e) {
            throw e;
        } catch (Exception e) {
            throw new EngineException("cannot add " + request.metainfo().name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Torrent add(AddMagnet request) throws EngineException {
        try {
            return thread.call(() -> magnets.add(request));
        } catch (EngineException e) {
            throw e;
        } catch (Exception e) {
            throw new EngineException("cannot add " + request.magnet().infoHash().hex() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public AddMagnet defaults(MagnetLink magnet) {
        EngineSettings.AddDefaults additions = settings.additions();
        return new AddMagnet(magnet, additions.downloadDirectory(), additions.seedGoal(), RateLimits.UNLIMITED,
                false);
    }

    @Override
    public AddTorrent defaults(Metainfo metainfo) {
        EngineSettings.AddDefaults additions = settings.additions();
        return new AddTorrent(metainfo, additions.downloadDirectory(), additions.seedGoal(), RateLimits.UNLIMITED,
                false);
    }

    @Override
    public Path downloadDirectory() {
        return settings.additions().downloadDirectory();
    }

    /** Drops a removed torrent from the table and the store; engine thread. */
    private void forget(TorrentRuntime torrent) {
        if (table.remove(torrent)) {
            writer.delete(torrent.infoHash());
            writer.saveSession(table.session());
            queue.changed();
            LOG.info("removed {}", torrent.metainfo().name());
        }
    }

    /** Engine thread. */
    private void moveInQueue(TorrentRuntime torrent, IntBinaryOperator move) {
        if (table.move(torrent, move)) {
            writer.saveSession(table.session());
            queue.changed();
        }
    }

    @Override
    public Torrent find(String idOrInfoHashPrefix) throws EngineException {
        try {
            return table.find(idOrInfoHashPrefix).facade();
        } catch (EngineException e) {
            return magnets.find(idOrInfoHashPrefix).map(MagnetRuntime::facade).orElseThrow(() -> e);
        }
    }

    @Override
    public List<Torrent> torrents() {
        List<Torrent> all = new ArrayList<>();
        runtimes().forEach(torrent -> all.add(torrent.facade()));
        magnets.all().forEach(magnet -> all.add(magnet.facade()));
        return List.copyOf(all);
    }

    @Override
    public Optional<Torrent> torrent(InfoHash infoHash) {
        return table.get(infoHash).<Torrent>map(TorrentRuntime::facade)
                .or(() -> magnets.get(infoHash).map(MagnetRuntime::facade));
    }

    @Override
    public EngineTotals totals() {
        return Totals.of(Stream.concat(runtimes().stream().map(torrent -> torrent.view().status()),
                magnets.all().stream().map(MagnetRuntime::status)));
    }

    @Override
    public void setGlobalRateLimits(RateLimits limits) {
        wire.setGlobalLimits(limits);
    }

    @Override
    public RateLimits globalRateLimits() {
        return wire.globalLimits();
    }

    @Override
    public int listenPort() {
        return services.listenPort();
    }

    @Override
    public void setListenPort(int port) throws EngineException {
        wire.listen(port);
        thread.execute(() -> runtimes().forEach(TorrentRuntime::portChanged));
    }

    /**
     * Seed goals, the queue while a torrent waits, and now and then the counters saved (only torrents
     * whose record changed). Only awake torrents are looked at: a paused, finished or failed one saved
     * its record when it stopped and has nothing to note, so with none awake the tick returns at once.
     */
    private void tick() {
        List<TorrentRuntime> awake = queue.awake();
        if (awake.isEmpty() && magnets.isEmpty()) {
            return;
        }
        for (TorrentRuntime torrent : awake) {
            torrent.tick();
        }
        magnets.tick();
        if (queue.anyWaiting()) {
            queue.balance();
        }
        long now = System.nanoTime();
        if (now - lastSave >= settings.saveInterval().toNanos()) {
            lastSave = now;
            awake.forEach(TorrentRuntime::persistCounters);
            magnets.persist();
        }
    }

    private List<TorrentRuntime> runtimes() {
        return table.inOrder();
    }

    /**
     * Stops every torrent in order: swarms closed, trackers told {@code stopped} (waiting at most the
     * stop wait), files closed so the resume data is saved; then the engine thread ends.
     */
    void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        if (ticker != null) {
            ticker.cancel(false);
        }
        List<CompletableFuture<Void>> stops;
        try {
            // Each torrent's record is saved as it runs now (so it runs again after a restart), then it stops.
            stops = thread.call(() -> {
                magnets.stop();
                return runtimes().stream().map(torrent -> {
                    torrent.persist();
                    return torrent.shutdown();
                }).toList();
            });
        } catch (Exception e) {
            LOG.warn("stopping the torrents failed", e);
            stops = List.of();
        }
        Duration wait = settings.stopWait().plus(CLOSE_WAIT);
        try {
            CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).get(wait.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("not every torrent stopped within {}", wait, e);
        }
        thread.stop(Duration.ofSeconds(1));
        writer.close(CLOSE_WAIT);
        closer.shutdown();
    }
}
