package dev.shoal.engine.internal;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.api.MetadataFetch;
import dev.shoal.peer.api.MetadataListener;
import dev.shoal.peer.api.PeerInfo;
import dev.shoal.peer.api.PiecePriorities;
import dev.shoal.peer.api.RateLimits;
import dev.shoal.peer.api.Swarm;
import dev.shoal.peer.api.SwarmListener;
import dev.shoal.peer.api.SwarmService;
import dev.shoal.peer.api.SwarmStats;
import dev.shoal.storage.api.PieceResult;
import dev.shoal.storage.api.TorrentStorage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A swarm service passed through, noting what the engine asks of it and on which thread. */
final class RecordingSwarms implements SwarmService {

    final SwarmService swarms;
    final AtomicInteger joins = new AtomicInteger();
    final AtomicInteger open = new AtomicInteger();
    final List<InetSocketAddress> peersAdded = new CopyOnWriteArrayList<>();
    /** The source each address was added with, as "source address". */
    final List<String> sourcesAdded = new CopyOnWriteArrayList<>();
    final List<PieceResult> piecesForwarded = new CopyOnWriteArrayList<>();
    /** The thread each piece result came on. */
    final List<String> pieceThreads = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    final List<RateLimits> swarmLimits = new CopyOnWriteArrayList<>();
    final List<PiecePriorities> priorities = new CopyOnWriteArrayList<>();
    /** The storage each swarm was joined with, in order. */
    final List<TorrentStorage> storages = new CopyOnWriteArrayList<>();

    RecordingSwarms(SwarmService swarms) {
        this.swarms = swarms;
    }

    @Override
    public byte[] peerId() {
        return swarms.peerId();
    }

    @Override
    public int listenPort() {
        return swarms.listenPort();
    }

    @Override
    public InetAddress listenAddress() {
        return swarms.listenAddress();
    }

    @Override
    public int connectionsPerTorrent() {
        return swarms.connectionsPerTorrent();
    }

    @Override
    public void listen(int port) throws IOException {
        swarms.listen(port);
    }

    @Override
    public MetadataFetch fetchMetadata(InfoHash infoHash, MetadataListener listener) {
        return swarms.fetchMetadata(infoHash, listener);
    }

    @Override
    public Swarm join(Metainfo torrent, TorrentStorage storage, SwarmListener listener) {
        threads.add(Thread.currentThread().getName());
        joins.incrementAndGet();
        open.incrementAndGet();
        storages.add(storage);
        Swarm swarm = swarms.join(torrent, storage, listener);
        return new Swarm() {
            private boolean closed;

            @Override
            public void addPeers(Collection<InetSocketAddress> peers, String source) {
                peersAdded.addAll(peers);
                peers.forEach(peer -> sourcesAdded.add(source + " " + peer));
                swarm.addPeers(peers, source);
            }

            @Override
            public void pieceChecked(PieceResult result) {
                piecesForwarded.add(result);
                pieceThreads.add(Thread.currentThread().getName());
                swarm.pieceChecked(result);
            }

            @Override
            public void storageReplaced() {
                swarm.storageReplaced();
            }

            @Override
            public void setPiecePriorities(PiecePriorities levels) {
                priorities.add(levels);
                swarm.setPiecePriorities(levels);
            }

            @Override
            public void setRateLimits(RateLimits limits) {
                swarmLimits.add(limits);
                swarm.setRateLimits(limits);
            }

            @Override
            public SwarmStats stats() {
                return swarm.stats();
            }

            @Override
            public List<PeerInfo> peers() {
                return swarm.peers();
            }

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    open.decrementAndGet();
                }
                swarm.close();
            }
        };
    }

    @Override
    public void setGlobalRateLimits(RateLimits limits) {
        swarms.setGlobalRateLimits(limits);
    }

    @Override
    public RateLimits globalRateLimits() {
        return swarms.globalRateLimits();
    }
}
