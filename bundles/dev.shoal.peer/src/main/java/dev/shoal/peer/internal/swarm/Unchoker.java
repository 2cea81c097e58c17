package dev.shoal.peer.internal.swarm;

import dev.shoal.peer.internal.choker.Choker;
import dev.shoal.peer.internal.choker.PeerSnapshot;
import dev.shoal.peer.internal.wire.Choke;
import dev.shoal.peer.internal.wire.RejectRequest;
import dev.shoal.peer.internal.wire.Request;
import dev.shoal.peer.internal.wire.Unchoke;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Who may download from us: the {@link Choker} every {@link Choker#RECHOKE_INTERVAL_MILLIS}, and at
 * once for a peer that becomes interested while an upload slot is free. A peer that does not read
 * loses its slot (it is {@linkplain PeerState#stalled stalled} to the choker). Choking drops the
 * peer's waiting requests. Every method runs under the swarm's lock.
 */
final class Unchoker {

    private final Choker<PeerState> choker;
    private final SwarmContext context;
    private final Clock clock;
    private long lastRechokeMillis;

    Unchoker(SwarmContext context, Clock clock, Random random) {
        this.choker = new Choker<>(context.settings().uploadSlots(), random);
        this.context = context;
        this.clock = clock;
        this.lastRechokeMillis = clock.millis();
    }

    /** The peer became interested: unchoke it at once while a slot is free, not at the next rechoke. */
    void interested(PeerState peer, Collection<PeerState> all) {
        if (peer.choked && unchokedCount(all) < context.settings().uploadSlots()
                && !peer.stalled(clock.millis(), context.settings().snubTime().toMillis())) {
            unchoke(peer);
        }
    }

    /**
     * Rechokes when the interval is over; {@code seeding} (every wanted piece here) ranks by upload,
     * as nobody sends us anything to rank by.
     */
    void tick(Collection<PeerState> all, boolean seeding) {
        long now = clock.millis();
        if (now - lastRechokeMillis < Choker.RECHOKE_INTERVAL_MILLIS) {
            return;
        }
        lastRechokeMillis = now;
        List<PeerSnapshot<PeerState>> snapshots = new ArrayList<>(all.size());
        long stallMillis = context.settings().snubTime().toMillis();
        for (PeerState peer : all) {
            snapshots.add(new PeerSnapshot<>(peer, peer.interestedInUs, peer.received.rate(), peer.sent.rate(),
                    peer.connectedMillis, peer.snubbed, peer.stalled(now, stallMillis)));
        }
        choker.setUploadSlots(context.settings().uploadSlots());
        Set<PeerState> unchoke = choker.rechoke(snapshots, seeding, now);
        for (PeerState peer : all) {
            if (unchoke.contains(peer)) {
                unchoke(peer);
            } else {
                choke(peer);
            }
        }
    }

    private void unchoke(PeerState peer) {
        if (peer.choked) {
            peer.choked = false;
            peer.requestsRefused = 0;
            peer.send(new Unchoke());
        }
    }

    private void choke(PeerState peer) {
        if (peer.choked) {
            return;
        }
        peer.choked = true;
        peer.send(new Choke());
        // Choking drops a peer's requests; BEP 6 peers are told which, one by one.
        if (peer.fastExtension) {
            for (Request request : peer.uploads) {
                peer.send(new RejectRequest(request.piece(), request.begin(), request.length()));
            }
        }
        peer.uploads.clear();
    }

    private static int unchokedCount(Collection<PeerState> all) {
        int count = 0;
        for (PeerState peer : all) {
            if (!peer.choked) {
                count++;
            }
        }
        return count;
    }
}
