package dev.shoal.engine.internal;

import dev.shoal.peer.api.SwarmListener;
import dev.shoal.storage.api.CheckProgress;
import dev.shoal.storage.api.PieceListener;
import dev.shoal.storage.api.PieceResult;
import dev.shoal.storage.api.StorageException;
import dev.shoal.tracker.api.AnnounceListener;
import dev.shoal.tracker.api.TrackerPeer;
import java.net.InetSocketAddress;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the storage (disk thread), the announcer (its thread) and the swarm (network threads) tell
 * one run. Nothing is decided here: each event is handed to the engine thread, so none of those
 * threads ever waits on the engine.
 */
final class RunEvents implements PieceListener, CheckProgress, AnnounceListener, SwarmListener {

    private static final Logger LOG = LoggerFactory.getLogger(RunEvents.class);

    private final EngineThread thread;
    private final TorrentRuntime runtime;
    private final TorrentRun run;

    RunEvents(EngineThread thread, TorrentRuntime runtime, TorrentRun run) {
        this.thread = thread;
        this.runtime = runtime;
        this.run = run;
    }

    @Override
    public void pieceChecked(PieceResult result) {
        thread.execute(() -> runtime.pieceChecked(run, result));
    }

    @Override
    public void storageFailed(StorageException failure) {
        thread.execute(() -> runtime.failed(run, failure));
    }

    /** A block could not be written: the swarm cannot go on. */
    @Override
    public void writeFailed(StorageException failure) {
        thread.execute(() -> runtime.failed(run, failure));
    }

    /** A verified block could not be read for a peer (see {@link WatchedStorage}). */
    void readFailed(StorageException failure) {
        thread.execute(() -> runtime.failed(run, failure));
    }

    @Override
    public void progress(int checked, int total) {
        run.checked = checked;
    }

    @Override
    public void peersReceived(String trackerUrl, List<TrackerPeer> peers) {
        thread.execute(() -> runtime.peersReceived(run, trackerUrl, peers));
    }

    /** A peer source's find (its thread). */
    void peersFound(String source, List<InetSocketAddress> peers) {
        thread.execute(() -> runtime.peersFound(run, source, peers));
    }

    @Override
    public void peersWanted() {
        thread.execute(() -> runtime.peersWanted(run));
    }

    @Override
    public void peerBanned(InetSocketAddress address, String reason) {
        LOG.info("{}: banned {}: {}", runtime.metainfo().name(), address, reason);
    }
}
