package dev.shoal.peer.internal.wire;

/** An empty frame (length 0) that keeps an idle connection open. */
public record KeepAlive() implements PeerMessage {
}
