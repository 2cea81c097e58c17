package dev.shoal.engine.internal;

import dev.shoal.engine.api.AddTorrent;
import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.EngineException;
import dev.shoal.engine.api.EngineTotals;
import dev.shoal.engine.api.RateLimits;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentListener;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.api.TorrentStatus;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.peer.api.SwarmService;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.api.StorageService;
import dev.shoal.tracker.api.Announcer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    }

    private final StorageService storage;
    private final Announcer announcer;
    private final SwarmService swarms;
    private final String dataDir;
    private final EngineThread thread = new EngineThread();
    private final ExecutorService closer;
    private final Listeners listeners = new Listeners();
    /** Changed on the engine thread only; read under its own lock from any. */
    private final Map<InfoHash, TorrentRuntime> torrents = new LinkedHashMap<>();
    private final EngineContext context;
    private final ScheduledFuture<?> ticker;
    private volatile EngineSettings settings;
    private final AtomicBoolean deactivated = new AtomicBoolean();

    @Activate
    public EngineComponent(Config config, BundleContext bundleContext,
            @Reference(name = "storage") StorageService storage,
            @Reference(name = "announcer") Announcer announcer,
            @Reference(name = "swarms") SwarmService swarms) {
        this(settingsOf(config, bundleContext.getProperty(EngineSettings.DATA_DIR_PROPERTY)),
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
        this.context = new EngineContext(storage, announcer, swarms, thread, closer, listeners, () -> this.settings,
                this::forget);
        swarms.setGlobalRateLimits(Limits.toSwarm(settings.globalLimits()));
        this.ticker = thread.every(settings.tick(), this::tick);
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
        return EngineSettings.defaults(EngineSettings.resumeDirectory(config.resumeDirectory(), dataDir))
                .withGlobalLimits(Limits.ofKiB(config.downloadLimitKiB(), config.uploadLimitKiB()));
    }

    @Reference(name = "listener", service = TorrentListener.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeListener")
    public void addListener(TorrentListener listener) {
        listeners.add(listener);
    }

    public void removeListener(TorrentListener listener) {
        listeners.remove(listener);
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

    private Torrent addNow(AddTorrent request) throws EngineException {
        InfoHash infoHash = request.metainfo().infoHash();
        synchronized (torrents) {
            if (torrents.containsKey(infoHash)) {
                throw new EngineException("already added: " + request.metainfo().name());
            }
        }
        TorrentRuntime torrent = new TorrentRuntime(request, context);
        try {
            torrent.added();
        } catch (StorageException e) {
            throw new EngineException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // The storage refuses what it cannot hold, such as a v2-only torrent.
            throw new EngineException(Lifecycle.oneLine(e.getMessage()), e);
        }
        synchronized (torrents) {
            torrents.put(infoHash, torrent);
        }
        LOG.info("added {} ({})", request.metainfo().name(), infoHash.hex());
        listeners.added(torrent);
        return torrent;
    }

    /** Drops a removed torrent from the table; engine thread. */
    private void forget(TorrentRuntime torrent) {
        synchronized (torrents) {
            torrents.remove(torrent.infoHash(), torrent);
        }
        LOG.info("removed {}", torrent.metainfo().name());
    }

    @Override
    public List<Torrent> torrents() {
        return List.copyOf(runtimes());
    }

    @Override
    public Optional<Torrent> torrent(InfoHash infoHash) {
        synchronized (torrents) {
            return Optional.ofNullable(torrents.get(infoHash));
        }
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

    private void tick() {
        for (TorrentRuntime torrent : runtimes()) {
            torrent.tick();
        }
    }

    private List<TorrentRuntime> runtimes() {
        synchronized (torrents) {
            return new ArrayList<>(torrents.values());
        }
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
            stops = thread.call(() -> runtimes().stream().map(TorrentRuntime::shutdown).toList());
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
        closer.shutdown();
    }
}
