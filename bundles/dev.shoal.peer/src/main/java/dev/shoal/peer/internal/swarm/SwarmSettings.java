package dev.shoal.peer.internal.swarm;

import dev.shoal.peer.internal.codec.WireLimits;
import dev.shoal.peer.internal.handler.ConnectionBounds;
import dev.shoal.peer.internal.handler.WireTimeouts;
import dev.shoal.peer.internal.mse.Encryption;
import dev.shoal.peer.internal.net.PeerWireSettings;
import dev.shoal.peer.internal.wire.PeerId;
import dev.shoal.peer.internal.wire.Reserved;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;

/**
 * How swarms behave; one set for every torrent, from the component's configuration.
 *
 * @param wire                 the peer wire: our id and extensions, time-outs, size limits
 * @param listenHost           the address to listen on ("0.0.0.0" for every interface)
 * @param port                 the port to listen on; 0 picks a free one
 * @param connectionsPerTorrent the most connections one torrent keeps
 * @param connectionsTotal     the most connections of all torrents together
 * @param uploadSlots          peers unchoked at once per torrent, the optimistic one included
 * @param queueTime            how much data, in seconds of its current rate, is kept requested of a
 *                             peer (libtorrent's request_queue_time): enough to cover the round trip
 * @param minQueueDepth        fewest requests kept outstanding at an unchoking peer
 * @param maxQueueDepth        most requests kept outstanding at one peer
 * @param maxPeerRequests      most requests a peer may have waiting with us (advertised as {@code reqq}
 *                             in our extension handshake); more are rejected, and a peer refused about as many again
 *                             is disconnected
 * @param snubTime             a peer that sends nothing for this long though we asked is snubbed
 * @param banAfterHashFailures a peer that contributed to this many pieces that failed their hash is
 *                             banned
 * @param maxCandidates        most addresses kept waiting to be dialled
 * @param halfOpen             dials in progress (connect and handshake) of all torrents, in total and to
 *                             one IP address
 * @param turnover             when peers are let go to make room for others
 * @param maxMetadataSize      the most bytes of an info dictionary a metadata fetch takes (BEP 9)
 */
public record SwarmSettings(PeerWireSettings wire, String listenHost, int port, int connectionsPerTorrent,
        int connectionsTotal, int uploadSlots, Duration queueTime, int minQueueDepth, int maxQueueDepth,
        int maxPeerRequests, Duration snubTime, int banAfterHashFailures, int maxCandidates,
        ConnectionBounds halfOpen, TurnoverSettings turnover, int maxMetadataSize) {

    /** Dials at once: enough to fill a torrent quickly, few enough not to flood a home router. */
    public static final ConnectionBounds DEFAULT_HALF_OPEN = new ConnectionBounds(32, 8);
    /** Far above any real torrent's info dictionary, low enough that a lying peer cannot exhaust memory. */
    public static final int DEFAULT_MAX_METADATA_SIZE = 30 * 1024 * 1024;

    public SwarmSettings {
        Objects.requireNonNull(wire, "wire");
        Objects.requireNonNull(listenHost, "listenHost");
        Objects.requireNonNull(queueTime, "queueTime");
        Objects.requireNonNull(snubTime, "snubTime");
        Objects.requireNonNull(halfOpen, "halfOpen");
        Objects.requireNonNull(turnover, "turnover");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range 0..65535: " + port);
        }
        if (connectionsPerTorrent < 1 || connectionsTotal < 1 || uploadSlots < 1 || minQueueDepth < 1
                || maxQueueDepth < minQueueDepth || maxPeerRequests < 1 || banAfterHashFailures < 1
                || maxCandidates < 1 || maxMetadataSize < 1) {
            throw new IllegalArgumentException("swarm limits must be positive (and max queue ≥ min queue)");
        }
    }

    /** The settings a configuration of the component says, for our {@code peerId}. */
    static SwarmSettings of(PeerConfig config, PeerId peerId) {
        PeerWireSettings wire = new PeerWireSettings(peerId,
                Reserved.NONE.withFastExtension(true).withExtensionProtocol(true),
                new WireTimeouts(config.keepAliveSeconds(), config.receiveTimeoutSeconds(),
                        config.handshakeTimeoutSeconds()),
                new WireLimits(WireLimits.BLOCK_LENGTH, config.maxRequestLength(), config.maxFrameLength(),
                        WireLimits.UNKNOWN_PIECE_COUNT),
                config.connectTimeoutMillis(),
                new ConnectionBounds(config.maxPendingHandshakes(), config.maxPendingHandshakesPerAddress()),
                Encryption.parse(config.encryption()), config.encryptedHandshakesPerSecond());
        SwarmSettings defaults = SwarmSettings.defaults(wire);
        return new SwarmSettings(wire, config.listenAddress(), config.port(), config.connectionsPerTorrent(),
                config.connectionsTotal(), config.uploadSlots(), defaults.queueTime(), defaults.minQueueDepth(),
                defaults.maxQueueDepth(), config.maxPeerRequests(), Duration.ofSeconds(config.snubSeconds()),
                config.banAfterHashFailures(), defaults.maxCandidates(),
                new ConnectionBounds(config.maxHalfOpen(), config.maxHalfOpenPerAddress()),
                new TurnoverSettings(Duration.ofSeconds(config.newPeerGraceSeconds()),
                        Duration.ofSeconds(config.inactivitySeconds()),
                        Duration.ofSeconds(config.turnoverIntervalSeconds()), config.turnoverPercent()),
                config.maxMetadataSize());
    }

    /** Libtorrent-like defaults, listening on every interface at port 6881. */
    public static SwarmSettings defaults(PeerWireSettings wire) {
        return new SwarmSettings(wire, "0.0.0.0", 6881, 50, 200, 8, Duration.ofSeconds(3), 4, 500, 2000,
                Duration.ofSeconds(60), 3, 1000, DEFAULT_HALF_OPEN, TurnoverSettings.DEFAULT, DEFAULT_MAX_METADATA_SIZE);
    }

    /** Defaults with a fresh peer id and the fast extension. */
    public static SwarmSettings defaults() {
        return defaults(PeerWireSettings.defaults(PeerId.generate(new SecureRandom())));
    }

    public SwarmSettings withPort(int value) {
        return withListen(listenHost, value);
    }

    public SwarmSettings withListen(String host, int value) {
        return new SwarmSettings(wire, host, value, connectionsPerTorrent, connectionsTotal, uploadSlots, queueTime,
                minQueueDepth, maxQueueDepth, maxPeerRequests, snubTime, banAfterHashFailures, maxCandidates, halfOpen,
                turnover, maxMetadataSize);
    }

    public SwarmSettings withSnubTime(Duration value) {
        return new SwarmSettings(wire, listenHost, port, connectionsPerTorrent, connectionsTotal, uploadSlots,
                queueTime, minQueueDepth, maxQueueDepth, maxPeerRequests, value, banAfterHashFailures, maxCandidates,
                halfOpen, turnover, maxMetadataSize);
    }

    public SwarmSettings withConnectionsPerTorrent(int value) {
        return new SwarmSettings(wire, listenHost, port, value, connectionsTotal, uploadSlots, queueTime,
                minQueueDepth, maxQueueDepth, maxPeerRequests, snubTime, banAfterHashFailures, maxCandidates,
                halfOpen, turnover, maxMetadataSize);
    }

    public SwarmSettings withMaxPeerRequests(int value) {
        return new SwarmSettings(wire, listenHost, port, connectionsPerTorrent, connectionsTotal, uploadSlots,
                queueTime, minQueueDepth, maxQueueDepth, value, snubTime, banAfterHashFailures, maxCandidates,
                halfOpen, turnover, maxMetadataSize);
    }

    public SwarmSettings withTurnover(TurnoverSettings value) {
        return new SwarmSettings(wire, listenHost, port, connectionsPerTorrent, connectionsTotal, uploadSlots,
                queueTime, minQueueDepth, maxQueueDepth, maxPeerRequests, snubTime, banAfterHashFailures,
                maxCandidates, halfOpen, value, maxMetadataSize);
    }
}
