package dev.shoal.engine.internal;

import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.api.Swarm;
import dev.shoal.storage.api.CheckResult;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.api.StorageService;
import dev.shoal.storage.api.TorrentStorage;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's storage and the service it came from. When that service leaves, the storage is detached
 * from its {@link StorageSlot} (writes wait there) and closed, saving its resume data; once it is
 * closed, one is opened from the service there now, which trusts that data, and attached. Engine
 * thread only.
 */
final class RunStorage {

    private static final Logger LOG = LoggerFactory.getLogger(RunStorage.class);

    private final Metainfo metainfo;
    private final EngineContext context;
    private final Services services;
    private final RunEvents events;
    /** The run's swarm now, told when its storage was replaced; null while it has none. */
    private final Supplier<Swarm> swarm;
    private StorageSlot storage;
    private Path downloadDirectory;
    /** The service of the storage attached; null while detached. */
    private StorageService storageFrom;
    /** Counts storage replacements, so that the reopening of an older one is recognised and dropped. */
    private int storageSwaps;
    /** A storage is being opened from a new service. */
    private boolean reopening;
    /** Completes when the storage detached last is closed, its resume data saved. */
    private CompletableFuture<Void> oldStorageClosed = CompletableFuture.completedFuture(null);
    /** {@link #close} was called: the run is over. */
    private boolean closed;

    RunStorage(Metainfo metainfo, EngineContext context, RunEvents events, Supplier<Swarm> swarm) {
        this.metainfo = metainfo;
        this.context = context;
        this.services = context.services();
        this.events = events;
        this.swarm = swarm;
    }

    /**
     * Opens the storage; its startup check begins on the disk thread. Null when no storage service is
     * there.
     */
    StorageSlot open(Path downloadDirectory) throws StorageException {
        Optional<StorageService> service = services.storage.get();
        if (service.isEmpty()) {
            return null;
        }
        storage = new StorageSlot(service.get().open(metainfo, downloadDirectory,
                TorrentRun.resumeFile(context, metainfo), events));
        storageFrom = service.get();
        this.downloadDirectory = downloadDirectory;
        return storage;
    }

    /** Whether the storage came from the storage service there now. */
    boolean current() {
        return services.storage.is(storageFrom);
    }

    /** Lets a storage of a service that left go, then opens one from the service there now. */
    void follow() {
        if (storageFrom != null && !current()) {
            storageFrom = null;
            storageSwaps++;
            LOG.info("{}: the storage service left; writes wait for the next", metainfo.name());
            oldStorageClosed = closeOnCloser(storage.detach());
        }
        if (storageFrom == null && !reopening) {
            services.storage.get().ifPresent(this::reopenStorage);
        }
    }

    /**
     * Opens the storage again from {@code service} once the old one is closed (its resume data saved,
     * which the new one trusts: nothing is hashed again). Its writes then go to the new storage, and
     * the swarm fetches again the blocks of unfinished pieces that only the old one saw.
     */
    private void reopenStorage(StorageService service) {
        int swap = storageSwaps;
        reopening = true;
        oldStorageClosed.whenComplete((ignored, failure) -> context.thread().execute(() -> {
            if (stale(swap, service)) {
                return;
            }
            TorrentStorage fresh;
            try {
                fresh = service.open(metainfo, downloadDirectory, TorrentRun.resumeFile(context, metainfo), events);
            } catch (StorageException e) {
                reopening = false;
                events.storageFailed(e);
                return;
            }
            fresh.ready().whenComplete((result, checkFailure) -> context.thread().execute(() -> {
                if (stale(swap, service)) {
                    closeOnCloser(fresh);
                } else if (checkFailure != null) {
                    reopening = false;
                    closeOnCloser(fresh);
                    events.storageFailed(new StorageException(StorageException.Kind.IO,
                            "reopening the storage failed: " + checkFailure.getMessage()));
                } else {
                    storageReplaced(service, fresh, result);
                }
            }));
        }));
    }

    /** True when the reopening {@code swap} from {@code service} is overtaken: the run closed, or services moved on. */
    private boolean stale(int swap, StorageService service) {
        if (swap == storageSwaps && !closed && services.storage.is(service)) {
            return false;
        }
        if (swap == storageSwaps) {
            reopening = false;
            if (!closed) {
                follow();
            }
        }
        return true;
    }

    private void storageReplaced(StorageService service, TorrentStorage fresh, CheckResult result) {
        reopening = false;
        storage.attach(fresh);
        storageFrom = service;
        LOG.info("{}: storage replaced: {}, {} of {} pieces verified, {} hashed", metainfo.name(), result.reason(),
                result.verified().count(), metainfo.pieceCount(), result.piecesHashed());
        Swarm joined = swarm.get();
        if (joined != null) {
            joined.storageReplaced();
        }
    }

    private CompletableFuture<Void> closeOnCloser(TorrentStorage files) {
        if (files == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> {
            try {
                files.close();
            } catch (StorageException e) {
                LOG.warn("{}: closing its files: {}", metainfo.name(), e.getMessage());
            }
        }, context.closer());
    }

    /** Closes the storage on the closer; completes once it is closed, a storage being replaced included. */
    CompletableFuture<Void> close() {
        closed = true;
        return CompletableFuture.allOf(closeOnCloser(storage), oldStorageClosed);
    }
}
