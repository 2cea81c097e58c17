package dev.shoal.peer.internal.wire;

/** The sender will answer our requests. */
public record Unchoke() implements PeerMessage {
}
