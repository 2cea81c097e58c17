package dev.shoal.peer.internal.wire;

/** The sender will not answer our requests (BEP 6: and rejects those pending). */
public record Choke() implements PeerMessage {
}
