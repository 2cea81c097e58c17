package dev.shoal.peer.api;

import dev.shoal.storage.api.PieceResult;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** One torrent's swarm. Every method returns at once and is safe from any thread. */
@ProviderType
public interface Swarm extends AutoCloseable {

    /**
     * Peers to dial when connection slots are free, from {@code source}: where they came from, which
     * {@link PeerInfo#source} shows once they are connected ({@link PeerInfo#TRACKER},
     * {@link PeerInfo#MAGNET}, a peer source's name). An address keeps the first source it came
     * from. Known, connected and banned addresses are ignored; the list of candidates is bounded.
     *
     * @since 1.4
     */
    void addPeers(Collection<InetSocketAddress> peers, String source);

    /** Peers from a tracker: {@link #addPeers(Collection, String)} with {@link PeerInfo#TRACKER}. */
    default void addPeers(Collection<InetSocketAddress> peers) {
        addPeers(peers, PeerInfo.TRACKER);
    }

    /** The storage hashed a piece: announce it to peers, or re-fetch it and blame its senders. */
    void pieceChecked(PieceResult result);

    /**
     * The storage given to {@link SwarmService#join} now writes to a fresh storage (its service was
     * replaced), which knows the verified pieces and the blocks of the others that the old one saved
     * ({@code TorrentStorage.writtenBlocks}). The other blocks received of pieces not verified yet are
     * fetched again, so no piece waits for a block the new storage never saw. Connections stay.
     *
     * @since 1.2
     */
    void storageReplaced();

    /**
     * Fetches only the wanted pieces, high ones first; a swarm starts with every piece wanted normally.
     * With every wanted piece verified it stops being interested, and keeps uploading what it has.
     */
    void setPiecePriorities(PiecePriorities priorities);

    /** This swarm's own limits, on top of the global ones. */
    void setRateLimits(RateLimits limits);

    SwarmStats stats();

    /** The peers connected now. */
    List<PeerInfo> peers();

    /** Closes every connection of this torrent and stops answering its incoming peers. */
    @Override
    void close();
}
