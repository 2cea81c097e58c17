package dev.shoal.peer.internal.swarm;

import java.time.Duration;
import java.util.Objects;

/**
 * When a swarm lets connected peers go to make room for others, as libtorrent does it
 * ({@code peer_turnover}, {@code inactivity_timeout}).
 *
 * @param newPeerGrace how long a new connection is safe from being pushed out: time to send its
 *                     pieces and say whether it is interested (real peers do within a second)
 * @param inactivity   a peer neither interested in us nor interesting to us for this long is let go
 *                     while the torrent (or every torrent together) is at its connection limit
 * @param interval     how often, while the torrent is nearly full and addresses wait to be dialled,
 *                     the least useful {@code percent} of its peers are let go
 * @param percent      the share of peers let go at each turnover (at least one); 0 turns it off
 */
public record TurnoverSettings(Duration newPeerGrace, Duration inactivity, Duration interval, int percent) {

    /** libtorrent: 4 % every 300 s; inactivity 600 s (we take half: it only applies when full). */
    public static final TurnoverSettings DEFAULT = new TurnoverSettings(Duration.ofSeconds(10), Duration.ofSeconds(300),
            Duration.ofSeconds(300), 4);

    public TurnoverSettings {
        Objects.requireNonNull(newPeerGrace, "newPeerGrace");
        Objects.requireNonNull(inactivity, "inactivity");
        Objects.requireNonNull(interval, "interval");
        if (newPeerGrace.isNegative() || inactivity.isNegative() || inactivity.isZero() || interval.isNegative()
                || interval.isZero() || percent < 0 || percent > 100) {
            throw new IllegalArgumentException("turnover: grace ≥ 0, inactivity and interval > 0, percent 0..100");
        }
    }
}
