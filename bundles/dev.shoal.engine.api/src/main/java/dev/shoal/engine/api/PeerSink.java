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
}
