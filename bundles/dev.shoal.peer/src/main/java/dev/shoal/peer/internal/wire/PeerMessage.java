package dev.shoal.peer.internal.wire;

/**
 * A message after the handshake: a 4-byte big-endian length, then (unless it is a keep-alive) one
 * id byte and the payload. Sealed so a handler can be sure it has seen every kind.
 */
public sealed interface PeerMessage permits KeepAlive, Choke, Unchoke, Interested, NotInterested, Have,
        Bitfield, Request, Piece, Cancel, Port, SuggestPiece, HaveAll, HaveNone, RejectRequest, AllowedFast,
        Extended {
}
