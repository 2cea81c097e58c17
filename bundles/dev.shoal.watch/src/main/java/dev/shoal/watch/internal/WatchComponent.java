package dev.shoal.watch.internal;

import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.EngineException;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.metainfo.Metainfo;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watch folder: torrent files and {@code .magnet} files dropped into it are added to the {@link Engine}. It polls, on one
 * thread of its own, instead of using a {@code WatchService}: that misses events on network file
 * systems (NFS, SMB) and some FUSE ones, where a watch folder often lives, and a listing every few
 * seconds costs next to nothing. The engine is a static reference: the watch goes when it goes.
 */
@Component(service = {}, immediate = true, configurationPid = WatchComponent.PID)
@Designate(ocd = WatchComponent.Config.class)
public final class WatchComponent {

    public static final String PID = "dev.shoal.watch";

    /** How long deactivation waits for a poll under way (which adds at most a hundred files). */
    private static final long STOP_WAIT_SECONDS = 30;

    private static final Logger LOG = LoggerFactory.getLogger(WatchComponent.class);

    @ObjectClassDefinition(name = "Shoal watch folder",
            description = "Adds the torrent files and magnet links (.magnet files) dropped into a folder, then moves them to its added/ subfolder;"
                    + " files that are no torrent or are refused go to failed/ with a NAME.error.txt saying why.")
    public @interface Config {

        @AttributeDefinition(name = "Folder",
                description = "The folder to watch for *.torrent files and *.magnet files (one magnet link each), created if missing; empty (the default)"
                        + " watches none.")
        String folder() default "";

        @AttributeDefinition(name = "Poll interval (s)",
                description = "How often the folder is looked at; a file is taken once its size and modification"
                        + " time held for one interval, so one still being written is left to finish.",
                min = "1", max = "3600")
        int pollSeconds() default 2;

        @AttributeDefinition(name = "Start paused", description = "Add torrents paused instead of started.")
        boolean startPaused() default false;
    }

    private final TorrentSink sink;
    private final ScheduledExecutorService executor;
    /** Guarded by this. */
    private ScheduledFuture<?> polling;
    /** Guarded by this. */
    private WatchFolder watch;

    @Activate
    public WatchComponent(Config config, @Reference(name = "engine") Engine engine) {
        this(settingsOf(config), new EngineSink(engine));
    }

    /** The engine, each torrent with its defaults. */
    private record EngineSink(Engine engine) implements TorrentSink {

        @Override
        public void add(Metainfo metainfo, boolean paused) throws EngineException {
            engine.add(engine.defaults(metainfo).withPaused(paused));
        }

        @Override
        public void add(MagnetLink magnet, boolean paused) throws EngineException {
            engine.add(engine.defaults(magnet).withPaused(paused));
        }
    }

    /** For use without OSGi; {@link #deactivate()} when done. */
    WatchComponent(WatchSettings settings, TorrentSink sink) {
        this.sink = sink;
        this.executor = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "shoal-watch");
            thread.setDaemon(true);
            return thread;
        });
        apply(settings);
    }

    @Modified
    void modified(Config config) {
        apply(settingsOf(config));
    }

    static WatchSettings settingsOf(Config config) {
        return WatchSettings.of(config.folder(), config.pollSeconds(), config.startPaused());
    }

    /** Starts watching anew with {@code settings}; a poll under way finishes first, on the same thread. */
    synchronized void apply(WatchSettings settings) {
        if (polling != null) {
            polling.cancel(false);
            polling = null;
            watch = null;
        }
        if (settings.folder().isEmpty()) {
            LOG.info("watch folder: off");
            return;
        }
        WatchFolder folder = new WatchFolder(settings.folder().get(), settings.startPaused(), sink);
        long millis = settings.poll().toMillis();
        watch = folder;
        polling = executor.scheduleWithFixedDelay(() -> pollSafely(folder), 0, millis, TimeUnit.MILLISECONDS);
        LOG.info("watch folder: {} every {} s{}", folder.folder(), millis / 1000,
                settings.startPaused() ? ", adding paused" : "");
    }

    /** The folder watched now, if any. */
    synchronized Optional<WatchFolder> watching() {
        return Optional.ofNullable(watch);
    }

    private static void pollSafely(WatchFolder folder) {
        try {
            folder.poll();
        } catch (RuntimeException e) {
            // A bug here must not end the polling for good: the executor drops a task that throws.
            LOG.error("watch folder {}: poll failed", folder.folder(), e);
        }
    }

    /**
     * Stops polling. Not shutdownNow: an interrupt would break a file read half-way and send a good
     * torrent to failed/; the poll under way finishes instead.
     */
    @Deactivate
    void deactivate() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("watch folder: a poll still runs after {} s; leaving it", STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
