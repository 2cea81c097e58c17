package dev.shoal.engine.api;

import java.net.InetSocketAddress;
import java.util.Collection;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a {@link PeerSource} delivers peers. Safe from any thread; never blocks. The engine drops
 * its own address and more than {@value #MAX_PER_CALL} peers a call, and the swarm decides whom to
 * dial, so a source cannot flood it.
 */
@ProviderType
public interface PeerSink {

    int MAX_PER_CALL = 200;

    void found(Collection<InetSocketAddress> peers);

    /**
     * How many more peers the torrent could use now: its connection limit less the peers it is
     * connected to (for a magnet still fetching its metadata, the fetch's); 0 once it has enough, or
     * after its lookup was closed. A source that searches repeatedly asks before each new search and
     * searches a torrent that wants none at its slowest pace (announcing it still). Cheap and safe
     * from any thread; it changes as peers come and go.
     *
     * @since 2.3
     */
    int peersWanted();
}
