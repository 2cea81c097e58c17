package dev.shoal.dht.internal.node;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Our external address as other nodes see it (BEP 42's "ip" in their answers): one vote per
 * answering IP, at most {@code maxVoters} remembered; an address is believed once {@code quorum}
 * voters agree on it and it leads. Not thread-safe.
 */
final class ExternalAddress {

    private final int quorum;
    private final LinkedHashMap<InetAddress, InetAddress> votes;

    ExternalAddress(int quorum, int maxVoters) {
        this.quorum = quorum;
        this.votes = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<InetAddress, InetAddress> eldest) {
                return size() > maxVoters;
            }
        };
    }

    void vote(InetAddress voter, InetAddress seen) {
        votes.put(voter, seen);
    }

    /** The address the voters agree on, or null while they do not yet. */
    InetAddress believed() {
        Map<InetAddress, Integer> tally = new HashMap<>();
        InetAddress best = null;
        int bestCount = 0;
        for (InetAddress a : votes.values()) {
            int n = tally.merge(a, 1, Integer::sum);
            if (n > bestCount) {
                best = a;
                bestCount = n;
            }
        }
        return bestCount >= quorum && bestCount * 2 > votes.size() ? best : null;
    }
}
