package dev.shoal.peer.internal.wire;

/**
 * A message after the handshake: a 4-byte big-endian length, then (unless it is a keep-alive) one
 * id byte and the payload. Sealed, so the kinds are a closed set: the swarm's router answers each or
 * ignores it by name, and refuses to start when one is neither (a kind added here needs a decision).
 */
public sealed interface PeerMessage permits KeepAlive, Choke, Unchoke, Interested, NotInterested, Have,
        Bitfield, Request, Piece, Cancel, Port, SuggestPiece, HaveAll, HaveNone, RejectRequest, AllowedFast,
        Extended {
}
