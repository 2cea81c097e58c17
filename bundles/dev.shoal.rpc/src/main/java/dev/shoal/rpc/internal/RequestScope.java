package dev.shoal.rpc.internal;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * What every torrent of one {@code torrent-get} shares, worked out once for the request and only when
 * a field first needs it: the queue positions, and the peer wire's connection limit per torrent.
 */
final class RequestScope {

    private final QueueOrder queue;
    private final Supplier<Optional<Long>> peerLimitSource;
    private Optional<Long> peerLimit;

    RequestScope(QueueOrder queue, Supplier<Optional<Long>> peerLimit) {
        this.queue = queue;
        this.peerLimitSource = peerLimit;
    }

    QueueOrder queue() {
        return queue;
    }

    /** The most peers a torrent connects to; empty when the peer wire's settings cannot be read. */
    Optional<Long> peerLimit() {
        if (peerLimit == null) {
            peerLimit = peerLimitSource.get();
        }
        return peerLimit;
    }
}
