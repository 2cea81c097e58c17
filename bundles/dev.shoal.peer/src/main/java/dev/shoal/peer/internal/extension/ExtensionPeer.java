package dev.shoal.peer.internal.extension;

import java.net.InetSocketAddress;

/** A peer as an extension sees it: its handshake, and sending under the ids it chose. */
public interface ExtensionPeer {

    InetSocketAddress address();

    /** Its extended handshake so far (every one it sent, merged); empty until the first arrives. */
    ExtensionHandshake handshake();

    /** True when its latest handshake gives {@code extension} an id. */
    default boolean supports(String extension) {
        return handshake().idOf(extension) != 0;
    }

    /** Queues a message of {@code extension} under the peer's id for it; dropped if it does not speak it. */
    void send(String extension, byte[] payload);

    /** Closes the connection for what the peer did, with a debug line saying so. */
    void drop(String reason);
}
