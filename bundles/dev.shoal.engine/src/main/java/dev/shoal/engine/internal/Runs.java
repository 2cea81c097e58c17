package dev.shoal.engine.internal;

import dev.shoal.peer.api.Swarm;
import dev.shoal.storage.api.CheckResult;
import dev.shoal.storage.api.PieceSet;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.api.TorrentStorage;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A torrent's runs, one after another: a run opens only once the last one is closed, since its files
 * and resume data are free only then, and of several starts waiting for that, only the latest opens.
 * Engine thread; the run under way and the verified pieces are read from any.
 */
final class Runs {

    /** What happens when a run's startup check ends (engine thread). */
    interface Ready {
        void ready(TorrentRun run, CheckResult result, Throwable failure);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Runs.class);

    private final String name;
    private final Path downloadDirectory;
    private final EngineThread thread;
    private final Supplier<TorrentRun> newRun;
    /** See {@link #dialAlso}; engine thread. */
    private Map<String, List<InetSocketAddress>> handedPeers = Map.of();
    private final Ready ready;
    /** The run under way; null while stopped (or waiting for the last one to be closed). */
    private volatile TorrentRun run;
    /** The verified pieces when the last storage was closed. */
    private volatile PieceSet lastVerified;
    /** Completes when the last run's swarm, announce session and storage are closed. */
    private CompletableFuture<Void> closed = CompletableFuture.completedFuture(null);
    /** Counts starts, so that only the latest of several waiting for {@link #closed} opens. */
    private int starts;

    /**
     * @param lastVerified the pieces verified when the torrent was last seen
     * @param newRun       makes a run, not opened yet
     * @param ready        hears when an opened run's startup check ends
     */
    Runs(String name, Path downloadDirectory, PieceSet lastVerified, EngineThread thread, Supplier<TorrentRun> newRun,
            Ready ready) {
        this.name = name;
        this.downloadDirectory = downloadDirectory;
        this.lastVerified = lastVerified;
        this.thread = thread;
        this.newRun = newRun;
        this.ready = ready;
    }

    /**
     * Peers known before it became a torrent (a magnet link's), by source: the run under way and every
     * later one dial them.
     */
    void dialAlso(Map<String, List<InetSocketAddress>> peers) {
        handedPeers = Map.copyOf(peers);
        TorrentRun current = run;
        if (current != null) {
            handedPeers.forEach(current::addPeers);
        }
    }

    /** The run under way, or null; any thread. */
    TorrentRun current() {
        return run;
    }

    /** Does {@code action} with the run under way, if any. */
    void ifRunning(Consumer<TorrentRun> action) {
        TorrentRun current = run;
        if (current != null) {
            action.accept(current);
        }
    }

    /** The swarm the current run joined, if it is online. */
    Optional<Swarm> swarm() {
        TorrentRun current = run;
        return current == null ? Optional.empty() : Optional.ofNullable(current.swarm);
    }

    /** The verified pieces: the open storage's, else those when it was last closed (or saved); any thread. */
    PieceSet verifiedNow() {
        TorrentRun current = run;
        TorrentStorage storage = current == null ? null : current.storage;
        return storage == null ? lastVerified : storage.verified();
    }

    PieceSet lastVerified() {
        return lastVerified;
    }

    /** Completes when the last run is closed. */
    CompletableFuture<Void> closed() {
        return closed;
    }

    /**
     * Opens a run once the last one is closed, if {@code stillWanted} then and none opened meanwhile;
     * {@code failure} hears why it could not open.
     */
    void openWhenClosed(BooleanSupplier stillWanted, Consumer<String> failure) {
        int start = ++starts;
        closed.whenComplete((ignored, closing) -> thread.execute(() -> {
            if (start != starts || !stillWanted.getAsBoolean() || run != null) {
                return;
            }
            try {
                open();
            } catch (StorageException e) {
                failure.accept(e.getMessage());
            } catch (RuntimeException e) {
                failure.accept(String.valueOf(e.getMessage()));
            }
        }));
    }

    /**
     * Opens a run's storage and waits for its startup check. Without a storage service no run opens:
     * the torrent waits for one.
     */
    void open() throws StorageException {
        TorrentRun next = newRun.get();
        handedPeers.forEach(next::addPeers);
        if (!next.openStorage(downloadDirectory)) {
            LOG.info("{}: waiting for a storage service", name);
            return;
        }
        run = next;
        next.storage.ready().whenComplete((result, failure) -> thread.execute(() -> ready.ready(next, result,
                failure)));
    }

    /** Closes the run under way in order (see {@link TorrentRun#close}); {@link #closed} follows it. */
    void stop(Transfer transfer) {
        TorrentRun current = run;
        if (current == null) {
            return;
        }
        run = null;
        lastVerified = current.storage.verified();
        closed = current.close(transfer);
    }
}
