package dev.shoal.peer.internal.wire;

/** BEP 5: the UDP port of the sender's DHT node. */
public record Port(int port) implements PeerMessage {

    public Port {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("a port is 0 to 65535, not " + port);
        }
    }
}
