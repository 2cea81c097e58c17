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
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A torrent as callers see it, from any thread: what it is and how it stands are read at once (from
 * volatile state); every change is handed to the engine thread, where its {@link TorrentRuntime}
 * makes it, and the call returns at once.
 */
final class TorrentFacade implements Torrent {

    private final TorrentRuntime runtime;
    private final EngineThread thread;
    private final TorrentTable table;

    TorrentFacade(TorrentRuntime runtime, EngineThread thread, TorrentTable table) {
        this.runtime = runtime;
        this.thread = thread;
        this.table = table;
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
    public Optional<Metainfo> metainfo() {
        return Optional.of(runtime.metainfo());
    }

    @Override
    public Path downloadDirectory() {
        return runtime.view().downloadDirectory();
    }

    @Override
    public BitSet verifiedPieces() {
        return runtime.view().runs().verifiedNow().toBitSet();
    }

    @Override
    public TorrentStatus status() {
        return runtime.view().status();
    }

    @Override
    public List<FileStatus> files() {
        return Layouts.named(runtime.choices().files().statuses(runtime.view().runs().verifiedNow()),
                runtime.metainfo());
    }

    @Override
    public List<PeerStatus> peers() {
        return runtime.view().peers();
    }

    @Override
    public SeedGoal seedGoal() {
        return runtime.choices().goal();
    }

    @Override
    public RateLimits rateLimits() {
        return runtime.choices().limits();
    }

    @Override
    public int queuePosition() {
        return table.position(runtime);
    }

    @Override
    public void pause() {
        thread.execute(runtime::pause);
    }

    @Override
    public void resume() {
        thread.execute(runtime::resume);
    }

    @Override
    public CompletionStage<Void> recheck() {
        return onThread(runtime::recheck);
    }

    /** Hands {@code work} to the engine thread with the stage it completes. */
    private CompletionStage<Void> onThread(Consumer<CompletableFuture<Void>> work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!thread.submit(() -> work.accept(done))) {
            done.completeExceptionally(new CancellationException("the engine has stopped"));
        }
        return done.minimalCompletionStage();
    }

    @Override
    public TorrentDates dates() {
        return runtime.view().dates();
    }

    @Override
    public List<String> labels() {
        return runtime.view().notes().labels();
    }

    @Override
    public void setLabels(List<String> labels) {
        runtime.view().notes().setLabels(labels);
        thread.execute(runtime::persist);
    }

    @Override
    public IdleLimit idleLimit() {
        return runtime.view().notes().idle();
    }

    @Override
    public void setIdleLimit(IdleLimit limit) {
        runtime.view().notes().setIdle(Objects.requireNonNull(limit, "limit"));
        thread.execute(runtime::persist);
    }

    @Override
    public CompletionStage<Void> moveTo(Path directory, boolean moveData) {
        Path target = directory.toAbsolutePath().normalize();
        return onThread(done -> runtime.relocate(new Placement.Now(runtime.metainfo(), target), moveData, done));
    }

    @Override
    public CompletionStage<Void> rename(String path, String newName) {
        return onThread(done -> {
            try {
                Metainfo layout = Layouts.renamed(runtime.metainfo(), path, newName);
                runtime.relocate(new Placement.Now(layout, runtime.view().downloadDirectory()), true, done);
            } catch (EngineException e) {
                done.completeExceptionally(e);
            }
        });
    }

    @Override
    public void reannounce() {
        thread.execute(() -> runtime.view().runs().ifRunning(run -> {
            if (run.announce != null) {
                run.announce.announceNow();
            }
        }));
    }

    @Override
    public void setSeedGoal(SeedGoal value) {
        runtime.choices().setGoal(Objects.requireNonNull(value, "goal"));
        thread.execute(runtime::persist);
    }

    @Override
    public void setRateLimits(RateLimits value) {
        runtime.choices().setLimits(Objects.requireNonNull(value, "limits"));
        thread.execute(runtime::rateLimitsChanged);
    }

    @Override
    public void setFilePriority(int index, FilePriority priority) {
        Objects.checkIndex(index, runtime.choices().files().size());
        Objects.requireNonNull(priority, "priority");
        thread.execute(() -> runtime.setFilePriority(index, priority));
    }

    @Override
    public void moveInQueue(QueueMove move) {
        Objects.requireNonNull(move, "move");
        thread.execute(() -> runtime.moveInQueue(TorrentTable.target(move)));
    }

    @Override
    public void moveInQueue(int position) {
        if (position < 1) {
            throw new IllegalArgumentException("a queue position is from 1: " + position);
        }
        thread.execute(() -> runtime.moveInQueue((from, size) -> Math.min(position, size) - 1));
    }

    @Override
    public List<List<String>> trackers() {
        return runtime.trackers();
    }

    @Override
    public void setTrackers(List<List<String>> tiers) {
        runtime.view().notes().setTrackers(tiers);
        thread.execute(runtime::trackersChanged);
    }

    @Override
    public Optional<Instant> edited() {
        return runtime.view().notes().edited();
    }

    @Override
    public Optional<Instant> started() {
        return runtime.view().notes().started();
    }

    @Override
    public Optional<Path> torrentFile() {
        return Optional.of(runtime.torrentFile());
    }

    @Override
    public CompletionStage<Void> remove() {
        return remove(false);
    }

    @Override
    public CompletionStage<Void> remove(boolean deleteFiles) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!thread.submit(() -> runtime.remove(deleteFiles).whenComplete((ignored, failure) -> {
            if (failure == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            }
        }))) {
            done.complete(null);
        }
        return done.minimalCompletionStage();
    }

    @Override
    public String toString() {
        return runtime.toString();
    }
}
