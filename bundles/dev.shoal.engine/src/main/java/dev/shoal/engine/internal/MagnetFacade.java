package dev.shoal.engine.internal;

import dev.shoal.engine.api.EngineException;
import dev.shoal.engine.api.FilePriority;
import dev.shoal.engine.api.FileStatus;
import dev.shoal.engine.api.IdleLimit;
import dev.shoal.engine.api.PeerStatus;
import dev.shoal.engine.api.QueueMove;
import dev.shoal.engine.api.RateLimits;
import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentDates;
import dev.shoal.engine.api.TorrentStatus;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.Metainfo;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A torrent added from a magnet link as callers see it. Before the metadata, it answers from its
 * {@link MagnetRuntime}: no files, no pieces; once the metadata came, every call goes to the torrent it
 * became, so whoever holds this keeps following the same torrent.
 */
final class MagnetFacade implements Torrent {

    /** Where the magnets are kept. */
    interface Owner {

        /** Its place in the engine's list, from 1. */
        int position(MagnetRuntime magnet);

        /** Forgets it and stops it; engine thread. */
        void remove(MagnetRuntime magnet);
    }

    private final MagnetRuntime runtime;
    private final EngineThread thread;
    private final Owner owner;
    private volatile Torrent became;

    MagnetFacade(MagnetRuntime runtime, EngineThread thread, Owner owner) {
        this.runtime = runtime;
        this.thread = thread;
        this.owner = owner;
    }

    /** The metadata came: from now on this is {@code torrent}. */
    void became(Torrent torrent) {
        became = torrent;
    }

    @Override
    public int id() {
        return runtime.id();
    }

    @Override
    public InfoHash infoHash() {
        return runtime.infoHash();
    }

    @Override
    public BitSet verifiedPieces() {
        Torrent now = became;
        return now == null ? new BitSet() : now.verifiedPieces();
    }

    @Override
    public Optional<Metainfo> metainfo() {
        Torrent now = became;
        return now == null ? Optional.empty() : now.metainfo();
    }

    @Override
    public Path downloadDirectory() {
        return runtime.downloadDirectory();
    }

    @Override
    public TorrentStatus status() {
        Torrent now = became;
        return now == null ? runtime.status() : now.status();
    }

    @Override
    public void pause() {
        Torrent now = became;
        if (now == null) {
            thread.execute(runtime::pause);
        } else {
            now.pause();
        }
    }

    @Override
    public void resume() {
        Torrent now = became;
        if (now == null) {
            thread.execute(runtime::resume);
        } else {
            now.resume();
        }
    }

    @Override
    public CompletionStage<Void> recheck() {
        Torrent now = became;
        return now != null ? now.recheck() : CompletableFuture.failedStage(
                new EngineException(runtime.name() + " has no data to check: its metadata is not known yet"));
    }

    @Override
    public void setSeedGoal(SeedGoal goal) {
        Torrent now = became;
        if (now == null) {
            runtime.setGoal(Objects.requireNonNull(goal, "goal"));
            thread.execute(runtime::persist);
        } else {
            now.setSeedGoal(goal);
        }
    }

    @Override
    public SeedGoal seedGoal() {
        Torrent now = became;
        return now == null ? runtime.goal() : now.seedGoal();
    }

    @Override
    public void setRateLimits(RateLimits limits) {
        Torrent now = became;
        if (now == null) {
            runtime.setLimits(Objects.requireNonNull(limits, "limits"));
            thread.execute(runtime::persist);
        } else {
            now.setRateLimits(limits);
        }
    }

    @Override
    public RateLimits rateLimits() {
        Torrent now = became;
        return now == null ? runtime.limits() : now.rateLimits();
    }

    @Override
    public List<FileStatus> files() {
        Torrent now = became;
        return now == null ? List.of() : now.files();
    }

    @Override
    public void setFilePriority(int index, FilePriority priority) {
        Torrent now = became;
        if (now == null) {
            throw new IndexOutOfBoundsException("no files before the metadata is known: " + index);
        }
        now.setFilePriority(index, priority);
    }

    @Override
    public List<PeerStatus> peers() {
        Torrent now = became;
        return now == null ? List.of() : now.peers();
    }

    @Override
    public int queuePosition() {
        Torrent now = became;
        return now == null ? owner.position(runtime) : now.queuePosition();
    }

    @Override
    public void moveInQueue(QueueMove move) {
        Torrent now = became;
        if (now != null) {
            now.moveInQueue(move);
        }
        // Before its metadata it takes no slot: its place among the others comes when it has one.
    }

    @Override
    public CompletionStage<Void> remove() {
        return remove(false);
    }

    @Override
    public CompletionStage<Void> remove(boolean deleteFiles) {
        Torrent now = became;
        if (now != null) {
            return now.remove(deleteFiles);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        // A torrent without metadata has written no files: there is nothing to delete.
        if (!thread.submit(() -> {
            Torrent then = became;
            if (then != null) {
                then.remove(deleteFiles).whenComplete((ignored, failure) -> {
                    if (failure == null) {
                        done.complete(null);
                    } else {
                        done.completeExceptionally(failure);
                    }
                });
                return;
            }
            owner.remove(runtime);
            done.complete(null);
        })) {
            done.complete(null);
        }
        return done.minimalCompletionStage();
    }

    @Override
    public TorrentDates dates() {
        Torrent now = became;
        return now != null ? now.dates() : new TorrentDates(runtime.record().added(), Optional.empty(),
                Optional.empty(), Duration.ZERO, Duration.ZERO);
    }

    @Override
    public List<String> labels() {
        Torrent now = became;
        return now == null ? List.of() : now.labels();
    }

    @Override
    public void setLabels(List<String> labels) {
        whenKnown("labels").setLabels(labels);
    }

    @Override
    public IdleLimit idleLimit() {
        Torrent now = became;
        return now == null ? IdleLimit.GLOBAL : now.idleLimit();
    }

    @Override
    public void setIdleLimit(IdleLimit limit) {
        whenKnown("an idle limit").setIdleLimit(limit);
    }

    @Override
    public CompletionStage<Void> moveTo(Path directory, boolean moveData) {
        Torrent now = became;
        return now != null ? now.moveTo(directory, moveData) : CompletableFuture.failedStage(
                new EngineException(runtime.name() + " has no files to move: its metadata is not known yet"));
    }

    @Override
    public CompletionStage<Void> rename(String path, String newName) {
        Torrent now = became;
        return now != null ? now.rename(path, newName) : CompletableFuture.failedStage(
                new EngineException(runtime.name() + " has no files to rename: its metadata is not known yet"));
    }

    @Override
    public void reannounce() {
        Torrent now = became;
        if (now != null) {
            now.reannounce();
        }
    }

    /** The torrent it became; before that, what is asked of it cannot be kept yet. */
    @Override
    public void moveInQueue(int position) {
        if (position < 1) {
            throw new IllegalArgumentException("a queue position is from 1: " + position);
        }
        Torrent now = became;
        if (now != null) {
            now.moveInQueue(position);
        }
    }

    @Override
    public List<List<String>> trackers() {
        Torrent now = became;
        return now != null ? now.trackers() : runtime.magnet().trackers().stream().map(List::of).toList();
    }

    @Override
    public void setTrackers(List<List<String>> tiers) {
        whenKnown("tracker edits").setTrackers(tiers);
    }

    @Override
    public Optional<Instant> edited() {
        Torrent now = became;
        return now == null ? Optional.empty() : now.edited();
    }

    @Override
    public Optional<Instant> started() {
        Torrent now = became;
        return now == null ? Optional.empty() : now.started();
    }

    @Override
    public Optional<Path> torrentFile() {
        Torrent now = became;
        return now == null ? Optional.empty() : now.torrentFile();
    }

    private Torrent whenKnown(String what) {
        Torrent now = became;
        if (now == null) {
            throw new IllegalStateException(runtime.name() + " takes " + what + " once its metadata is known");
        }
        return now;
    }

    @Override
    public String toString() {
        Torrent now = became;
        return now == null ? runtime.toString() : now.toString();
    }
}
