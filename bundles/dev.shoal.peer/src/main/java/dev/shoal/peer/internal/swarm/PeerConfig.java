package dev.shoal.peer.internal.swarm;

import dev.shoal.peer.internal.handler.WireTimeouts;
import dev.shoal.peer.internal.net.PeerWireSettings;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The peer wire's settings as Configuration Admin holds them (PID {@value SwarmComponent#PID}), and as
 * {@code shoal:config} and the Preferences describe them; {@link SwarmSettings#of} reads them.
 */
@ObjectClassDefinition(name = "Shoal peers",
        description = "BitTorrent peer connections: where to listen, limits, time-outs.")
public @interface PeerConfig {

    @AttributeDefinition(name = "Listen address",
            description = "0.0.0.0 (or ::) for every interface, of the address families below; else this address only.")
    String listenAddress() default "0.0.0.0";

    @AttributeDefinition(name = "Address families",
            description = "IPv4 and IPv6 peers (both: one dual-stack socket where the system gives one), or one "
                    + "family only: peers of the other are neither dialled nor let in.",
            options = {
                @Option(label = "IPv4 and IPv6", value = "both"),
                @Option(label = "IPv4 only", value = "ipv4"),
                @Option(label = "IPv6 only", value = "ipv6")})
    String addressFamilies() default "both";

    @AttributeDefinition(name = "Listen port",
            description = "0 picks a free port. When the port is taken, the next free one is used.",
            min = "0", max = "65535")
    int port() default 6881;

    @AttributeDefinition(name = "Encryption",
            description = "Message Stream Encryption (MSE/PE). prefer: dial encrypted, again in plaintext when that "
                    + "fails, accept both; require: RC4 only, plaintext peers refused; disable: plaintext only.",
            options = {@Option(value = "prefer", label = "prefer"), @Option(value = "require", label = "require"),
                @Option(value = "disable", label = "disable")})
    String encryption() default "prefer";

    @AttributeDefinition(name = "Encrypted handshakes per second",
            description = "Incoming encrypted handshakes answered per second (each costs a Diffie-Hellman exchange); "
                    + "more are closed, so a flood of them costs bounded CPU.", min = "1")
    int encryptedHandshakesPerSecond() default PeerWireSettings.DEFAULT_ENCRYPTED_HANDSHAKES_PER_SECOND;

    @AttributeDefinition(name = "Connections per torrent", min = "1")
    int connectionsPerTorrent() default 50;

    @AttributeDefinition(name = "Connections in total", min = "1")
    int connectionsTotal() default 200;

    @AttributeDefinition(name = "Upload slots per torrent",
            description = "Peers unchoked at once, the optimistic unchoke included.", min = "1")
    int uploadSlots() default 8;

    @AttributeDefinition(name = "Ban after hash failures",
            description = "A peer that sent data for this many pieces that failed their hash is banned.",
            min = "1")
    int banAfterHashFailures() default 3;

    @AttributeDefinition(name = "Keep-alive (s)", description = "Sent after this long without sending.", min = "1")
    int keepAliveSeconds() default 120;

    @AttributeDefinition(name = "Receive time-out (s)",
            description = "A peer silent for this long is disconnected.", min = "1")
    int receiveTimeoutSeconds() default 180;

    @AttributeDefinition(name = "Connect time-out (ms)", min = "1")
    int connectTimeoutMillis() default 10_000;

    @AttributeDefinition(name = "Handshake time-out (s)",
            description = "A connection whose peer has not completed its handshake this long after it opened is "
                    + "closed, however many bytes of it came.", min = "1")
    int handshakeTimeoutSeconds() default WireTimeouts.DEFAULT_HANDSHAKE_SECONDS;

    @AttributeDefinition(name = "Incoming connections in their handshake",
            description = "At most this many at once; beyond it the oldest is closed.", min = "1")
    int maxPendingHandshakes() default 64;

    @AttributeDefinition(name = "Incoming connections in their handshake per address",
            description = "At most this many at once from one host (an IPv4 address, an IPv6 /64); beyond it its "
                    + "oldest is closed.",
            min = "1")
    int maxPendingHandshakesPerAddress() default 16;

    @AttributeDefinition(name = "Dials at once",
            description = "Outgoing connections being made (connect and handshake), all torrents together.",
            min = "1")
    int maxHalfOpen() default 32;

    @AttributeDefinition(name = "Dials at once per address",
            description = "Outgoing connections being made to one host (an IPv4 address, an IPv6 /64).", min = "1")
    int maxHalfOpenPerAddress() default 8;

    @AttributeDefinition(name = "Requests a peer may queue",
            description = "A peer's requests waiting with us; more are rejected (BEP 6) or dropped, and a peer "
                    + "refused about as many again in a row is disconnected.", min = "1")
    // libtorrent's max_allowed_in_request_queue. Transmission keeps at most this many asked of us and
    // tops them up about once a second: 500 held it to ~8 MiB/s from a seed that could send far more.
    int maxPeerRequests() default 2000;

    @AttributeDefinition(name = "New peer grace (s)",
            description = "A connection this young is never let go to make room for another.", min = "0")
    int newPeerGraceSeconds() default 10;

    @AttributeDefinition(name = "Inactivity time-out (s)",
            description = "A peer neither interested in us nor interesting to us for this long is let go while "
                    + "the torrent is at its connection limit.", min = "1")
    int inactivitySeconds() default 300;

    @AttributeDefinition(name = "Peer turnover interval (s)",
            description = "How often the least useful peers of a nearly full torrent are let go for addresses "
                    + "waiting to be dialled.", min = "1")
    int turnoverIntervalSeconds() default 300;

    @AttributeDefinition(name = "Peer turnover (%)",
            description = "The share of a nearly full torrent's peers let go at each turnover; 0 for none.",
            min = "0", max = "100")
    int turnoverPercent() default 4;

    @AttributeDefinition(name = "Snub time (s)",
            description = "A peer that sends nothing for this long although asked is snubbed.", min = "1")
    int snubSeconds() default 60;

    @AttributeDefinition(name = "Largest request (bytes)",
            description = "Requests above this are a protocol error.", min = "16384")
    int maxRequestLength() default 128 * 1024;

    @AttributeDefinition(name = "Largest frame (bytes)", description = "Any message, e.g. extension messages.",
            min = "16393")
    int maxFrameLength() default 1024 * 1024 + 13;

    @AttributeDefinition(name = "Largest metadata (bytes)",
            description = "A magnet link's info dictionary larger than this, as a peer states it, is refused.",
            min = "1")
    int maxMetadataSize() default 30 * 1024 * 1024;
}
