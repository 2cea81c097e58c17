package dev.shoal.peer.internal.wire;

/** BEP 6: the sender has every piece; replaces the bitfield of a seed. */
public record HaveAll() implements PeerMessage {
}
