package dev.shoal.engine.internal;

import dev.shoal.peer.api.PeerInfo;
import dev.shoal.peer.api.SwarmListener;
import dev.shoal.storage.api.CheckProgress;
import dev.shoal.storage.api.PieceListener;
import dev.shoal.storage.api.PieceResult;
import dev.shoal.storage.api.StorageException;
import dev.shoal.tracker.api.AnnounceListener;
import dev.shoal.tracker.api.TrackerPeer;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.IntSupplier;
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
    /** Our port, so that trackers' lists without ourselves reach the run. */
    private final IntSupplier listenPort;

    RunEvents(EngineThread thread, TorrentRuntime runtime, TorrentRun run, IntSupplier listenPort) {
        this.thread = thread;
        this.runtime = runtime;
        this.run = run;
        this.listenPort = listenPort;
    }

    /**
     * The swarm hears at once, on the disk thread: its haves go out without a turn through the engine
     * thread every torrent shares. The engine hears after, for what it decides (completion); it tells
     * the swarm itself only when none was joined yet here, so a swarm joined meanwhile misses nothing.
     */
    @Override
    public void pieceChecked(PieceResult result) {
        boolean told = run.tellSwarm(result);
        thread.execute(() -> runtime.pieceChecked(run, result, told));
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

    /** A tracker's peers but ourselves: counted for its status, and handed to the run. */
    @Override
    public void peersReceived(String trackerUrl, List<TrackerPeer> peers) {
        thread.execute(() -> {
            List<InetSocketAddress> others = OwnAddress.others(peers, listenPort.getAsInt());
            runtime.view().trackers().peersReceived(trackerUrl, others.size());
            if (runtime.isCurrent(run)) {
                run.addPeers(PeerInfo.TRACKER, others);
            }
        });
    }

    /** A peer source's find (its thread). */
    void peersFound(String source, List<InetSocketAddress> peers) {
        thread.execute(() -> {
            if (runtime.isCurrent(run)) {
                run.peersFound(source, peers);
            }
        });
    }

    /** The swarm has free slots and no one to dial: the trackers are asked now. */
    @Override
    public void peersWanted() {
        thread.execute(() -> {
            if (runtime.isCurrent(run) && run.announce != null) {
                run.announce.announceNow();
            }
        });
    }

    @Override
    public void peerBanned(InetSocketAddress address, String reason) {
        LOG.info("{}: banned {}: {}", runtime.metainfo().name(), address, reason);
    }
}
