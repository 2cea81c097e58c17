package dev.shoal.engine.internal;

import dev.shoal.peer.api.PeerInfo;
import dev.shoal.peer.api.PiecePriorities;
import dev.shoal.peer.api.RateLimits;
import dev.shoal.peer.api.Swarm;
import dev.shoal.peer.api.SwarmStats;
import dev.shoal.storage.api.PieceResult;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;

/** A swarm with no network: it moves nothing, and reports the counters a test gives it. */
final class QuietSwarm implements Swarm {

    volatile SwarmStats stats = SwarmStats.NONE;

    @Override
    public void addPeers(Collection<InetSocketAddress> peers, String source) {
    }

    @Override
    public void pieceChecked(PieceResult result) {
    }

    @Override
    public void storageReplaced() {
    }

    @Override
    public void setPiecePriorities(PiecePriorities priorities) {
    }

    @Override
    public void setRateLimits(RateLimits limits) {
    }

    @Override
    public SwarmStats stats() {
        return stats;
    }

    @Override
    public List<PeerInfo> peers() {
        return List.of();
    }

    @Override
    public void close() {
    }
}
