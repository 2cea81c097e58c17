package dev.shoal.peer.internal.choker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * BitTorrent's choking algorithm (BEP 3, as libtorrent's choker.cpp does it): every 10 seconds
 * the interested peers that give us the most (or, when seeding, take the most) get the regular
 * upload slots; one more slot goes to an optimistic unchoke that rotates every 30 seconds, so
 * newcomers get a chance to show what they give. Snubbed peers lose their regular slot; stalled
 * peers (they do not read what we send) lose any slot, as it would be wasted on them. Pure: no
 * clock, no threads; the caller calls {@link #rechoke} every {@link #RECHOKE_INTERVAL_MILLIS}.
 */
public final class Choker<P> {

    public static final long RECHOKE_INTERVAL_MILLIS = 10_000;
    static final long OPTIMISTIC_INTERVAL_MILLIS = 30_000;
    /** Peers this new are three times as likely to get the optimistic slot. */
    static final long NEWCOMER_MILLIS = 60_000;
    static final int NEWCOMER_WEIGHT = 3;

    private int uploadSlots;
    private final Random random;
    private P optimistic;
    private long optimisticSince = Long.MIN_VALUE;

    /** {@code uploadSlots}: peers unchoked at once, the optimistic one included (at least 1). */
    public Choker(int uploadSlots, Random random) {
        setUploadSlots(uploadSlots);
        this.random = random;
    }

    /** Takes effect at the next {@link #rechoke}: the setting changed. */
    public void setUploadSlots(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("need at least one upload slot");
        }
        uploadSlots = value;
    }

    /** The peers to unchoke now; every other peer is to be choked. */
    public Set<P> rechoke(List<PeerSnapshot<P>> peers, boolean seeding, long nowMillis) {
        Comparator<PeerSnapshot<P>> best = Comparator.comparingDouble(
                (PeerSnapshot<P> p) -> seeding ? p.uploadRate() : p.downloadRate()).reversed();
        List<PeerSnapshot<P>> candidates = new ArrayList<>();
        for (PeerSnapshot<P> peer : peers) {
            if (peer.interested() && !peer.snubbed() && !peer.stalled()) {
                candidates.add(peer);
            }
        }
        candidates.sort(best);
        Set<P> unchoked = new HashSet<>();
        int regularSlots = uploadSlots > 1 ? uploadSlots - 1 : 1;
        for (int i = 0; i < candidates.size() && unchoked.size() < regularSlots; i++) {
            unchoked.add(candidates.get(i).peer());
        }
        if (uploadSlots > 1) {
            P chosen = optimisticUnchoke(peers, unchoked, nowMillis);
            if (chosen != null) {
                unchoked.add(chosen);
            }
        }
        return unchoked;
    }

    /** Keeps the optimistic peer for 30 s while it stays interested, then draws a new one. */
    private P optimisticUnchoke(List<PeerSnapshot<P>> peers, Set<P> regular, long nowMillis) {
        boolean due = nowMillis - optimisticSince >= OPTIMISTIC_INTERVAL_MILLIS;
        List<PeerSnapshot<P>> eligible = new ArrayList<>();
        boolean currentStillEligible = false;
        for (PeerSnapshot<P> peer : peers) {
            if (peer.interested() && !peer.stalled() && !regular.contains(peer.peer())) {
                eligible.add(peer);
                currentStillEligible |= peer.peer().equals(optimistic);
            }
        }
        if (!due && currentStillEligible) {
            return optimistic;
        }
        optimistic = draw(eligible, nowMillis);
        optimisticSince = nowMillis;
        return optimistic;
    }

    private P draw(List<PeerSnapshot<P>> eligible, long nowMillis) {
        int total = 0;
        for (PeerSnapshot<P> peer : eligible) {
            total += weight(peer, nowMillis);
        }
        if (total == 0) {
            return null;
        }
        int ticket = random.nextInt(total);
        for (PeerSnapshot<P> peer : eligible) {
            ticket -= weight(peer, nowMillis);
            if (ticket < 0) {
                return peer.peer();
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static int weight(PeerSnapshot<?> peer, long nowMillis) {
        return nowMillis - peer.connectedMillis() < NEWCOMER_MILLIS ? NEWCOMER_WEIGHT : 1;
    }
}
