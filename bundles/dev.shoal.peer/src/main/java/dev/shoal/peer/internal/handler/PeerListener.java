package dev.shoal.peer.internal.handler;

import dev.shoal.peer.internal.wire.PeerMessage;
import java.util.Optional;

/**
 * Where a torrent hears from its peers. Called on MINA's I/O threads, one connection's calls in
 * order: implementations must return quickly and never block (hand work to a queue or executor).
 */
public interface PeerListener {

    /** Both handshakes are through; {@code connection} can send. */
    default void connected(PeerConnection connection) {
    }

    /** A message other than a keep-alive. */
    default void received(PeerConnection connection, PeerMessage message) {
    }

    /** A message we sent was handed to the socket (so more may be queued behind it). */
    default void sent(PeerConnection connection, PeerMessage message) {
    }

    /** The connection is gone, with the reason when it was an error. */
    default void closed(PeerConnection connection, Optional<Throwable> cause) {
    }
}
