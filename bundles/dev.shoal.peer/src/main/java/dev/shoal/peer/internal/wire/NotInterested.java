package dev.shoal.peer.internal.wire;

/** The sender wants nothing we have. */
public record NotInterested() implements PeerMessage {
}
