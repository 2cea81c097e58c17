package dev.shoal.engine.api;

import org.osgi.annotation.versioning.ConsumerType;

/** A {@link PeerSource}'s search for one torrent's peers, running until closed. */
@ConsumerType
public interface PeerLookup extends AutoCloseable {

    /** Stops looking; what the sink hears afterwards is dropped. Must not block. */
    @Override
    void close();
}
