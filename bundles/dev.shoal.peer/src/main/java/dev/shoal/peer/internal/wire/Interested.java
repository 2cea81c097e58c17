package dev.shoal.peer.internal.wire;

/** The sender wants pieces we have. */
public record Interested() implements PeerMessage {
}
