package dev.shoal.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongFunction;

import dev.shoal.engine.api.AddMagnet;
import dev.shoal.engine.api.AddTorrent;
import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.EngineException;
import dev.shoal.engine.api.EngineTotals;
import dev.shoal.engine.api.FilePriority;
import dev.shoal.engine.api.FileStatus;
import dev.shoal.engine.api.PeerStatus;
import dev.shoal.engine.api.QueueMove;
import dev.shoal.engine.api.RateLimits;
import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentStatus;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.metainfo.Metainfo;

/**
 * Just enough of the engine API to drive {@code shoal get}'s state handling: the torrent's status
 * is a function of the test clock. The real engine is tested end to end in the distribution.
 */
final class FakeEngine implements Engine {

    final List<String> calls = new ArrayList<>();
    final FakeTicker ticker;
    final LongFunction<TorrentStatus> script;
    AddTorrent added;
    EngineException portFailure;
    boolean removed;
    Path defaultDirectory = Path.of("downloads");

    /** {@code script} gives the status at a time in nanoseconds since the start of the test clock. */
    FakeEngine(FakeTicker ticker, LongFunction<TorrentStatus> script) {
        this.ticker = ticker;
        this.script = script;
    }

    @Override
    public Torrent add(AddTorrent request) {
        calls.add("add");
        added = request;
        return new FakeTorrent(request);
    }

    @Override
    public Torrent add(AddMagnet request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AddMagnet defaults(MagnetLink magnet) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setListenPort(int port) throws EngineException {
        calls.add("port " + port);
        if (portFailure != null) {
            throw portFailure;
        }
    }

    @Override
    public List<Torrent> torrents() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Torrent> torrent(InfoHash infoHash) {
        throw new UnsupportedOperationException();
    }

    @Override
    public EngineTotals totals() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setGlobalRateLimits(RateLimits limits) {
        throw new UnsupportedOperationException();
    }

    @Override
    public RateLimits globalRateLimits() {
        throw new UnsupportedOperationException();
    }

    @Override
    public int listenPort() {
        throw new UnsupportedOperationException();
    }

    /** The configured defaults of a real engine: here a folder of the test's choosing. */
    @Override
    public AddTorrent defaults(Metainfo metainfo) {
        calls.add("defaults");
        return AddTorrent.of(metainfo, defaultDirectory);
    }

    @Override
    public Path downloadDirectory() {
        return defaultDirectory;
    }

    @Override
    public Torrent find(String idOrInfoHashPrefix) {
        throw new UnsupportedOperationException();
    }

    private final class FakeTorrent implements Torrent {

        private final AddTorrent request;

        FakeTorrent(AddTorrent request) {
            this.request = request;
        }

        @Override
        public InfoHash infoHash() {
            return request.metainfo().infoHash();
        }

        @Override
        public Optional<Metainfo> metainfo() {
            return Optional.of(request.metainfo());
        }

        @Override
        public BitSet verifiedPieces() {
            return new BitSet();
        }

        @Override
        public Path downloadDirectory() {
            return request.downloadDirectory();
        }

        @Override
        public TorrentStatus status() {
            return script.apply(ticker.nanoTime());
        }

        @Override
        public void pause() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void resume() {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Void> recheck() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setSeedGoal(SeedGoal goal) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setRateLimits(RateLimits limits) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int id() {
            return 1;
        }

        @Override
        public SeedGoal seedGoal() {
            return request.seedGoal();
        }

        @Override
        public RateLimits rateLimits() {
            return request.rateLimits();
        }

        @Override
        public List<FileStatus> files() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setFilePriority(int index, FilePriority priority) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<PeerStatus> peers() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int queuePosition() {
            return 0;
        }

        @Override
        public void moveInQueue(QueueMove move) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void moveInQueue(int position) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<List<String>> trackers() {
            return List.of();
        }

        @Override
        public void setTrackers(List<List<String>> tiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<java.time.Instant> edited() {
            return Optional.empty();
        }

        @Override
        public Optional<java.time.Instant> started() {
            return Optional.empty();
        }

        @Override
        public Optional<Path> torrentFile() {
            return Optional.empty();
        }

        @Override
        public CompletionStage<Void> remove(boolean deleteFiles) {
            return remove();
        }

        @Override
        public CompletionStage<Void> remove() {
            calls.add("remove");
            removed = true;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public dev.shoal.engine.api.TorrentDates dates() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> labels() {
            return List.of();
        }

        @Override
        public void setLabels(List<String> labels) {
            throw new UnsupportedOperationException();
        }

        @Override
        public dev.shoal.engine.api.IdleLimit idleLimit() {
            return dev.shoal.engine.api.IdleLimit.GLOBAL;
        }

        @Override
        public void setIdleLimit(dev.shoal.engine.api.IdleLimit limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Void> moveTo(Path directory, boolean moveData) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Void> rename(String path, String newName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void reannounce() {
            throw new UnsupportedOperationException();
        }
    }
}
