package dev.shoal.engine.internal;

import dev.shoal.engine.api.AddTorrent;
import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.EngineException;
import dev.shoal.engine.api.EngineTotals;
import dev.shoal.engine.api.QueueMove;
import dev.shoal.engine.api.RateLimits;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.PeerSource;
import dev.shoal.engine.api.TorrentListener;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.api.TorrentStatus;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.api.SwarmService;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.api.StorageService;
import dev.shoal.tracker.api.Announcer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Engine}: the table of torrents, the engine thread they change state on, the global
 * limits and the listening port. Each torrent's life is its {@link TorrentRuntime}.
 */
@Component(service = Engine.class, configurationPid = EngineComponent.PID)
@Designate(ocd = EngineComponent.Config.class)
public final class EngineComponent implements Engine {

    public static final String PID = "dev.shoal.engine";

    /** How long deactivation waits for torrents' files to be closed (resume data saved). */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(EngineComponent.class);

    @ObjectClassDefinition(name = "Shoal engine", description = "Torrents' downloading and seeding.")
    public @interface Config {

        @AttributeDefinition(name = "Download limit (KiB/s)", description = "Over every torrent together; 0 for none.",
                min = "0")
        long downloadLimitKiB() default 0;

        @AttributeDefinition(name = "Upload limit (KiB/s)", description = "Over every torrent together; 0 for none.",
                min = "0")
        long uploadLimitKiB() default 0;

        @AttributeDefinition(name = "Resume directory",
                description = "Where fast-resume files are kept; empty for <data directory>/resume.")
        String resumeDirectory() default "";

        @AttributeDefinition(name = "Torrents directory",
                description = "Where the engine keeps its torrents (torrent files and their state) across restarts;"
                        + " empty for <data directory>/torrents. Read at start.")
        String torrentsDirectory() default "";

        @AttributeDefinition(name = "Download directory",
                description = "Where torrents added without one download to; empty for <user.home>/Downloads.")
        String downloadDirectory() default "";

        @AttributeDefinition(name = "Seed ratio",
                description = "Torrents added without a goal stop seeding at this upload/size ratio; empty or"
                        + " negative for none.")
        String seedRatio() default "1.0";

        @AttributeDefinition(name = "Seed time (minutes)",
                description = "Torrents added without a goal stop seeding after this long; 0 for none.", min = "0")
        long seedTimeMinutes() default 0;

        @AttributeDefinition(name = "Most active downloads",
                description = "Torrents downloading at once; more wait QUEUED, in queue order. 0 for no limit.",
                min = "0")
        int maxActiveDownloads() default 5;

        @AttributeDefinition(name = "Most active seeds",
                description = "Torrents seeding at once; more wait QUEUED, in queue order. 0 for no limit.", min = "0")
        int maxActiveSeeds() default 10;
    }

    private final StorageService storage;
    private final Announcer announcer;
    private final SwarmService swarms;
    private final String dataDir;
    private final EngineThread thread = new EngineThread();
    private final ExecutorService closer;
    private final Listeners listeners = new Listeners();
    private final PeerSources peerSources = new PeerSources();
    /** Changed on the engine thread only; read from any. */
    private final TorrentTable table = new TorrentTable();
    private final TorrentQueue queue;
    private final SessionWriter writer;
    private final EngineContext context;
    private final ScheduledFuture<?> ticker;
    /** When the counters were last saved (engine thread). */
    private long lastSave = System.nanoTime();
    private volatile EngineSettings settings;
    private final AtomicBoolean deactivated = new AtomicBoolean();

    @Activate
    public EngineComponent(Config config, BundleContext bundleContext,
            @Reference(name = "storage") StorageService storage,
            @Reference(name = "announcer") Announcer announcer,
            @Reference(name = "swarms") SwarmService swarms) {
        this(EngineSettings.oneShotSession(
                settingsOf(config, bundleContext.getProperty(EngineSettings.DATA_DIR_PROPERTY)),
                bundleContext.getProperty(EngineSettings.SESSION_DIR_PROPERTY)),
                bundleContext.getProperty(EngineSettings.DATA_DIR_PROPERTY), storage, announcer, swarms);
    }

    /** For use without OSGi; {@link #deactivate()} when done. */
    public EngineComponent(EngineSettings settings, StorageService storage, Announcer announcer,
            SwarmService swarms) {
        this(settings, null, storage, announcer, swarms);
    }

    private EngineComponent(EngineSettings settings, String dataDir, StorageService storage, Announcer announcer,
            SwarmService swarms) {
        this.settings = settings;
        this.dataDir = dataDir;
        this.storage = storage;
        this.announcer = announcer;
        this.swarms = swarms;
        AtomicInteger closers = new AtomicInteger();
        this.closer = Executors.newCachedThreadPool(work -> {
            Thread created = new Thread(work, "shoal-engine-close-" + closers.incrementAndGet());
            created.setDaemon(true);
            return created;
        });
        this.queue = new TorrentQueue(table, thread, () -> this.settings);
        SessionStore store = new SessionStore(settings.torrentsDirectory());
        this.writer = new SessionWriter(store);
        this.context = new EngineContext(storage, announcer, swarms, thread, closer, listeners, peerSources, () -> this.settings,
                table, queue, writer, this::forget, this::moveInQueue);
        swarms.setGlobalRateLimits(Limits.toSwarm(settings.globalLimits()));
        try {
            thread.call(() -> {
                restore(store);
                return null;
            });
        } catch (Exception e) {
            LOG.error("restoring the torrents from {} failed", store.directory(), e);
        }
        this.ticker = thread.every(settings.tick(), this::tick);
    }

    /**
     * Brings back the torrents kept in the store, each in its state; those that ran wait for the queue,
     * which starts as many as it allows. Nothing is hashed: a torrent started opens its storage, whose
     * resume data vouches for what is on disk.
     */
    private void restore(SessionStore store) {
        long started = System.nanoTime();
        SessionStore.Loaded loaded = store.load();
        table.nextIdAtLeast(loaded.nextId());
        for (SessionStore.Restored restored : loaded.torrents()) {
            TorrentRuntime torrent = new TorrentRuntime(restored.metainfo(), restored.record(), false, context);
            table.add(torrent);
            listeners.added(torrent);
        }
        writer.saveSession(table.session());
        queue.balance();
        if (!loaded.torrents().isEmpty()) {
            LOG.info("restored {} torrents from {} in {} ms", loaded.torrents().size(), store.directory(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    @Modified
    void modified(Config config) {
        EngineSettings changed = settingsOf(config, dataDir);
        if (!changed.globalLimits().equals(settings.globalLimits())) {
            swarms.setGlobalRateLimits(Limits.toSwarm(changed.globalLimits()));
        }
        settings = changed;
    }

    static EngineSettings settingsOf(Config config, String dataDir) {
        return Configured.settings(config, dataDir);
    }

    @Reference(name = "listener", service = TorrentListener.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeListener")
    public void addListener(TorrentListener listener) {
        listeners.add(listener);
    }

    public void removeListener(TorrentListener listener) {
        listeners.remove(listener);
    }

    @Reference(name = "peerSource", service = PeerSource.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removePeerSource")
    public void addPeerSource(PeerSource source) {
        peerSources.add(source);
    }

    public void removePeerSource(PeerSource source) {
        peerSources.remove(source);
    }

    @Override
    public Torrent add(AddTorrent request) throws EngineException {
        try {
            return thread.call(() -> addNow(request));
        } catch (EngineException e) {
            throw e;
        } catch (Exception e) {
            throw new EngineException("cannot add " + request.metainfo().name() + ": " + e.getMessage(), e);
        }
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

    private Torrent addNow(AddTorrent request) throws EngineException {
        Metainfo metainfo = request.metainfo();
        InfoHash infoHash = metainfo.infoHash();
        if (table.contains(infoHash)) {
            throw new EngineException("already added: " + metainfo.name());
        }
        byte[] torrentFile = Additions.keepable(metainfo);
        boolean startNow = !request.paused() && queue.slotForNew();
        TorrentRuntime torrent = new TorrentRuntime(metainfo, Additions.record(table.newId(), request), startNow,
                context);
        try {
            torrent.added();
        } catch (StorageException e) {
            throw new EngineException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // The storage refuses what it cannot hold, such as a v2-only torrent.
            throw new EngineException(Lifecycle.oneLine(e.getMessage()), e);
        }
        table.add(torrent);
        writer.add(torrent.record(), torrentFile);
        writer.saveSession(table.session());
        LOG.info("added {} ({}) as {}", metainfo.name(), infoHash.hex(), torrent.id());
        listeners.added(torrent);
        if (!startNow && !request.paused()) {
            queue.changed();
        }
        return torrent;
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
    private void moveInQueue(TorrentRuntime torrent, QueueMove move) {
        if (table.move(torrent, move)) {
            writer.saveSession(table.session());
            queue.changed();
        }
    }

    @Override
    public Torrent find(String idOrInfoHashPrefix) throws EngineException {
        return table.find(idOrInfoHashPrefix);
    }

    @Override
    public List<Torrent> torrents() {
        return List.copyOf(runtimes());
    }

    @Override
    public Optional<Torrent> torrent(InfoHash infoHash) {
        return table.get(infoHash).map(Torrent.class::cast);
    }

    @Override
    public EngineTotals totals() {
        int count = 0;
        int active = 0;
        long downloaded = 0;
        long uploaded = 0;
        long downloadRate = 0;
        long uploadRate = 0;
        int peers = 0;
        for (TorrentRuntime torrent : runtimes()) {
            TorrentStatus status = torrent.status();
            count++;
            if (status.state() == TorrentState.DOWNLOADING || status.state() == TorrentState.SEEDING) {
                active++;
            }
            downloaded += status.downloaded();
            uploaded += status.uploaded();
            downloadRate += status.downloadRate();
            uploadRate += status.uploadRate();
            peers += status.peers();
        }
        return new EngineTotals(count, active, downloaded, uploaded, downloadRate, uploadRate, peers);
    }

    @Override
    public void setGlobalRateLimits(RateLimits limits) {
        swarms.setGlobalRateLimits(Limits.toSwarm(limits));
    }

    @Override
    public RateLimits globalRateLimits() {
        return Limits.fromSwarm(swarms.globalRateLimits());
    }

    @Override
    public int listenPort() {
        return swarms.listenPort();
    }

    @Override
    public void setListenPort(int port) throws EngineException {
        if (port < 0 || port > 65535) {
            throw new EngineException("not a port: " + port);
        }
        try {
            swarms.listen(port);
        } catch (IOException e) {
            String reason = String.valueOf(e.getMessage());
            throw new EngineException(reason.startsWith("cannot listen on port " + port) ? reason
                    : "cannot listen on port " + port + ": " + reason, e);
        }
        thread.execute(() -> runtimes().forEach(TorrentRuntime::portChanged));
    }

    /** Seed goals, the queue, and now and then the counters saved (only torrents whose record changed). */
    private void tick() {
        List<TorrentRuntime> torrents = runtimes();
        for (TorrentRuntime torrent : torrents) {
            torrent.tick();
        }
        queue.balance();
        long now = System.nanoTime();
        if (now - lastSave >= settings.saveInterval().toNanos()) {
            lastSave = now;
            torrents.forEach(TorrentRuntime::persist);
        }
    }

    private List<TorrentRuntime> runtimes() {
        return table.inOrder();
    }

    /**
     * Stops every torrent in order: swarms closed, trackers told {@code stopped} (waiting at most the
     * stop wait), files closed so the resume data is saved; then the engine thread ends.
     */
    @Deactivate
    public void deactivate() {
        if (!deactivated.compareAndSet(false, true)) {
            return;
        }
        ticker.cancel(false);
        List<CompletableFuture<Void>> stops;
        try {
            // Each torrent's record is saved as it runs now (so it runs again after a restart), then it stops.
            stops = thread.call(() -> runtimes().stream().map(torrent -> {
                torrent.persist();
                return torrent.shutdown();
            }).toList());
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
