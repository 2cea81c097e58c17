package dev.shoal.peer.internal.net;

import dev.shoal.peer.internal.codec.WireLimits;
import dev.shoal.peer.internal.handler.ConnectionBounds;
import dev.shoal.peer.internal.handler.WireTimeouts;
import dev.shoal.peer.internal.mse.Encryption;
import dev.shoal.peer.internal.wire.PeerId;
import dev.shoal.peer.internal.wire.Reserved;
import java.util.Objects;

/**
 * Everything a connector or acceptor needs to know about us.
 *
 * @param peerId           our peer id, the same for every connection of this run
 * @param reserved         the extension bits we announce (the fast extension, BEP 6; the extension
 *                         protocol, BEP 10)
 * @param timeouts         keep-alive and receive silence
 * @param limits           bounds on what peers may send
 * @param connectTimeoutMs how long a TCP connect may take
 * @param pending          incoming connections still in their handshake, in total and per address
 * @param encryption       Message Stream Encryption: prefer, require or disable
 * @param encryptedHandshakesPerSecond the most incoming encrypted handshakes whose Diffie-Hellman
 *                         exchange we compute per second; more are closed (a flood costs bounded CPU)
 */
public record PeerWireSettings(PeerId peerId, Reserved reserved, WireTimeouts timeouts, WireLimits limits,
        int connectTimeoutMs, ConnectionBounds pending, Encryption encryption, int encryptedHandshakesPerSecond) {

    /** A few milliseconds of CPU a second at most, and far more than real peers dial in. */
    public static final int DEFAULT_ENCRYPTED_HANDSHAKES_PER_SECOND = 100;

    /** Enough for bursts of real peers, whose handshakes take milliseconds, and little for an idle attacker. */
    public static final ConnectionBounds DEFAULT_PENDING = new ConnectionBounds(64, 16);

    public PeerWireSettings {
        Objects.requireNonNull(peerId, "peerId");
        Objects.requireNonNull(reserved, "reserved");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(pending, "pending");
        Objects.requireNonNull(encryption, "encryption");
        if (connectTimeoutMs <= 0) {
            throw new IllegalArgumentException("connect time-out must be positive");
        }
        if (encryptedHandshakesPerSecond <= 0) {
            throw new IllegalArgumentException("encrypted handshakes per second must be positive");
        }
    }

    /** Encryption preferred (the default). */
    public PeerWireSettings(PeerId peerId, Reserved reserved, WireTimeouts timeouts, WireLimits limits,
            int connectTimeoutMs, ConnectionBounds pending) {
        this(peerId, reserved, timeouts, limits, connectTimeoutMs, pending, Encryption.PREFER,
                DEFAULT_ENCRYPTED_HANDSHAKES_PER_SECOND);
    }

    public PeerWireSettings withEncryption(Encryption value) {
        return new PeerWireSettings(peerId, reserved, timeouts, limits, connectTimeoutMs, pending, value,
                encryptedHandshakesPerSecond);
    }

    public PeerWireSettings withEncryptedHandshakesPerSecond(int value) {
        return new PeerWireSettings(peerId, reserved, timeouts, limits, connectTimeoutMs, pending, encryption, value);
    }

    /** Defaults with the fast extension and the extension protocol announced. */
    public static PeerWireSettings defaults(PeerId peerId) {
        return new PeerWireSettings(peerId, Reserved.NONE.withFastExtension(true).withExtensionProtocol(true),
                WireTimeouts.DEFAULT, WireLimits.DEFAULT, 10_000, DEFAULT_PENDING);
    }
}
