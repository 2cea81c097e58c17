package dev.shoal.peer.internal.swarm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Which connected peers to let go so that others can come, as libtorrent's peer turnover does it:
 * a full torrent must not be held by connections that do nothing. Three rules, all sparing a
 * connection younger than the grace time:
 * <ul>
 * <li>a newcomer (an incoming peer, or an address waiting to be dialled) takes the place of an
 * <em>expendable</em> peer: one neither side has wanted anything of for the grace time, one whose
 * socket takes none of our blocks (it does not read), or one that snubs us and wants nothing;</li>
 * <li>while the torrent is at its limit, a peer neither side wanted anything of for the
 * inactivity time goes, newcomer or not;</li>
 * <li>every turnover interval, while the torrent is nearly full and addresses wait, its least
 * useful share (expendable first, then the slowest) goes.</li>
 * </ul>
 * Under the swarm's lock.
 */
final class Turnover {

    /** libtorrent's {@code peer_turnover_cutoff}: turnover only above this share of the limit. */
    static final int CUTOFF_PERCENT = 90;

    /** How expendable a peer is, most first; {@link #USEFUL} ones only go in the periodic turnover. */
    private static final int IDLE = 0;
    private static final int STALLED = 1;
    private static final int SNUBBING = 2;
    private static final int USEFUL = 3;

    private final Supplier<SwarmSettings> settings;
    private final Clock clock;
    private long lastTurnoverMillis;

    Turnover(Supplier<SwarmSettings> settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.lastTurnoverMillis = clock.millis();
    }

    /** Once a second: notes since when each peer has been idle both ways. */
    void tick(Collection<PeerState> peers) {
        long now = clock.millis();
        for (PeerState peer : peers) {
            boolean idle = !peer.interesting && !peer.interestedInUs;
            if (!idle) {
                peer.idleSinceMillis = -1;
            } else if (peer.idleSinceMillis < 0) {
                peer.idleSinceMillis = now;
            }
        }
    }

    /** The peer to let go for a newcomer, or null when none is expendable. */
    PeerState victim(Collection<PeerState> peers) {
        long now = clock.millis();
        Comparator<PeerState> order = order(now);
        PeerState victim = null;
        for (PeerState peer : peers) {
            if (rank(peer, now) < USEFUL && (victim == null || order.compare(peer, victim) < 0)) {
                victim = peer;
            }
        }
        return victim;
    }

    /** Peers neither side wanted anything of for the inactivity time: they go while the torrent is full. */
    List<PeerState> inactive(Collection<PeerState> peers) {
        long now = clock.millis();
        long limit = settings.get().turnover().inactivity().toMillis();
        List<PeerState> inactive = new ArrayList<>();
        for (PeerState peer : peers) {
            if (peer.idleSinceMillis >= 0 && now - peer.idleSinceMillis >= limit) {
                inactive.add(peer);
            }
        }
        return inactive;
    }

    /**
     * When the interval is over and the torrent is above the cutoff: its least useful share (at least
     * one peer) to let go for the addresses waiting; else nothing. Call only while addresses wait.
     */
    List<PeerState> due(Collection<PeerState> peers, int connectionLimit) {
        long now = clock.millis();
        TurnoverSettings turnover = settings.get().turnover();
        if (now - lastTurnoverMillis < turnover.interval().toMillis()) {
            return List.of();
        }
        lastTurnoverMillis = now;
        if (turnover.percent() == 0 || peers.size() * 100L < (long) connectionLimit * CUTOFF_PERCENT) {
            return List.of();
        }
        long grace = turnover.newPeerGrace().toMillis();
        List<PeerState> settled = new ArrayList<>();
        for (PeerState peer : peers) {
            if (now - peer.connectedMillis >= grace) {
                settled.add(peer);
            }
        }
        settled.sort(order(now));
        int count = Math.max(1, peers.size() * turnover.percent() / 100);
        return List.copyOf(settled.subList(0, Math.min(count, settled.size())));
    }

    /** Least useful first: by how expendable, then by rate (both ways), then the longest connected. */
    private Comparator<PeerState> order(long now) {
        return Comparator.<PeerState>comparingInt(peer -> rank(peer, now))
                .thenComparingLong(peer -> peer.received.rate() + peer.sent.rate())
                .thenComparingLong(peer -> peer.connectedMillis);
    }

    private int rank(PeerState peer, long now) {
        SwarmSettings settings = this.settings.get();
        long grace = settings.turnover().newPeerGrace().toMillis();
        if (now - peer.connectedMillis < grace) {
            return USEFUL;
        }
        if (peer.idleSinceMillis >= 0 && now - peer.idleSinceMillis >= grace) {
            return IDLE;
        }
        if (peer.stalled(now, settings.snubTime().toMillis())) {
            return STALLED;
        }
        return peer.snubbed && !peer.interestedInUs ? SNUBBING : USEFUL;
    }
}
