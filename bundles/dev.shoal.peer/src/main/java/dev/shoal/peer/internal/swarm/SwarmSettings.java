package dev.shoal.peer.internal.swarm;

import dev.shoal.peer.internal.net.PeerWireSettings;
import dev.shoal.peer.internal.wire.PeerId;
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
 * @param maxPeerRequests      most requests a peer may have waiting with us; more are rejected
 * @param snubTime             a peer that sends nothing for this long though we asked is snubbed
 * @param banAfterHashFailures a peer that contributed to this many pieces that failed their hash is
 *                             banned
 * @param maxCandidates        most addresses kept waiting to be dialled
 */
public record SwarmSettings(PeerWireSettings wire, String listenHost, int port, int connectionsPerTorrent,
        int connectionsTotal, int uploadSlots, Duration queueTime, int minQueueDepth, int maxQueueDepth,
        int maxPeerRequests, Duration snubTime, int banAfterHashFailures, int maxCandidates) {

    public SwarmSettings {
        Objects.requireNonNull(wire, "wire");
        Objects.requireNonNull(listenHost, "listenHost");
        Objects.requireNonNull(queueTime, "queueTime");
        Objects.requireNonNull(snubTime, "snubTime");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range 0..65535: " + port);
        }
        if (connectionsPerTorrent < 1 || connectionsTotal < 1 || uploadSlots < 1 || minQueueDepth < 1
                || maxQueueDepth < minQueueDepth || maxPeerRequests < 1 || banAfterHashFailures < 1
                || maxCandidates < 1) {
            throw new IllegalArgumentException("swarm limits must be positive (and max queue ≥ min queue)");
        }
    }

    /** Libtorrent-like defaults, listening on every interface at port 6881. */
    public static SwarmSettings defaults(PeerWireSettings wire) {
        return new SwarmSettings(wire, "0.0.0.0", 6881, 50, 200, 8, Duration.ofSeconds(3), 4, 500, 500,
                Duration.ofSeconds(60), 3, 1000);
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
                minQueueDepth, maxQueueDepth, maxPeerRequests, snubTime, banAfterHashFailures, maxCandidates);
    }

    public SwarmSettings withSnubTime(Duration value) {
        return new SwarmSettings(wire, listenHost, port, connectionsPerTorrent, connectionsTotal, uploadSlots,
                queueTime, minQueueDepth, maxQueueDepth, maxPeerRequests, value, banAfterHashFailures, maxCandidates);
    }
}
