package dev.shoal.peer.internal.wire;

/** BEP 6: the sender has no piece; replaces an empty bitfield. */
public record HaveNone() implements PeerMessage {
}
