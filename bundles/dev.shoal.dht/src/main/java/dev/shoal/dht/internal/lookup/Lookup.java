package dev.shoal.dht.internal.lookup;

import dev.shoal.dht.internal.krpc.CompactNode;
import dev.shoal.dht.internal.krpc.Message;
import dev.shoal.dht.internal.routing.NodeId;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One iterative Kademlia lookup (find_node or get_peers) in one address family: ask the closest
 * nodes known, learn closer ones from their answers, until the K closest that still answer have all
 * answered. {@code alpha} queries run at once; a query unanswered after {@code slowMillis} stops
 * counting, so up to {@code maxInFlight} may run while slow nodes are waited for (libtorrent's
 * branching). Bounded: at most {@code maxCandidates} nodes considered and {@code maxQueries} sent.
 * Not thread-safe; knows nothing of the network ({@link Querier} sends).
 */
public final class Lookup {

    public enum Kind { FIND_NODE, GET_PEERS }

    /** Sends this lookup's query to a node; false when it could not be sent (too many in flight). */
    public interface Querier {
        boolean query(Lookup lookup, CompactNode node);
    }

    public record Settings(int k, int alpha, int maxInFlight, long slowMillis, int maxQueries, int maxCandidates) {

        public static final Settings DEFAULT = new Settings(8, 3, 5, 1_000, 150, 100);
    }

    private enum State { FRESH, ASKED, ANSWERED, FAILED }

    private static final class Candidate {
        final CompactNode node;
        State state = State.FRESH;
        long sentAt;
        byte[] token;

        Candidate(CompactNode node) {
            this.node = node;
        }
    }

    private static final int MAX_PEERS = 1000;

    private final NodeId target;
    private final Kind kind;
    private final boolean v6;
    private final Settings settings;
    private final List<Candidate> candidates = new ArrayList<>();
    private final Set<InetSocketAddress> peers = new LinkedHashSet<>();
    private int queries;
    private boolean finished;

    public Lookup(NodeId target, Kind kind, boolean v6, Settings settings) {
        this.target = target;
        this.kind = kind;
        this.v6 = v6;
        this.settings = settings;
    }

    public NodeId target() {
        return target;
    }

    public Kind kind() {
        return kind;
    }

    public boolean v6() {
        return v6;
    }

    public boolean finished() {
        return finished;
    }

    public int queries() {
        return queries;
    }

    /** Adds nodes to ask; known ones and our own id are skipped, the farthest fresh ones trimmed. */
    public void add(Collection<CompactNode> nodes, NodeId own) {
        for (CompactNode n : nodes) {
            if (n.id().equals(own) || knows(n.address()) || (n.address().getAddress().getAddress().length == 16) != v6) {
                continue;
            }
            candidates.add(new Candidate(n));
        }
        candidates.sort(Comparator.comparing(c -> c.node.id(), target::compareDistance));
        for (int i = candidates.size() - 1; i >= 0 && candidates.size() > settings.maxCandidates(); i--) {
            if (candidates.get(i).state == State.FRESH) {
                candidates.remove(i);
            }
        }
    }

    /** Sends what may be sent now, then decides whether the lookup is over. */
    public void step(long now, Querier querier) {
        if (finished) {
            return;
        }
        int active = 0;
        int inFlight = 0;
        for (Candidate c : candidates) {
            if (c.state == State.ASKED) {
                inFlight++;
                active += now - c.sentAt < settings.slowMillis() ? 1 : 0;
            }
        }
        int window = 0;
        for (Candidate c : candidates) {
            if (c.state == State.FAILED) {
                continue;
            }
            if (++window > settings.k()) {
                break;
            }
            if (c.state == State.FRESH && active < settings.alpha() && inFlight < settings.maxInFlight()
                    && queries < settings.maxQueries()) {
                if (!querier.query(this, c.node)) {
                    break;
                }
                c.state = State.ASKED;
                c.sentAt = now;
                active++;
                inFlight++;
                queries++;
            }
        }
        finished = closestAllAnswered() || inFlight == 0;
    }

    private boolean closestAllAnswered() {
        int seen = 0;
        for (Candidate c : candidates) {
            if (c.state == State.FAILED) {
                continue;
            }
            if (c.state != State.ANSWERED) {
                return false;
            }
            if (++seen == settings.k()) {
                return true;
            }
        }
        return false; // fewer than K answered: only running dry ends the lookup
    }

    /** A node answered: its closer nodes join the candidates, its peers are returned (new ones only). */
    public List<InetSocketAddress> answered(CompactNode from, Message.Response r, NodeId own) {
        Candidate c = find(from);
        if (c == null) {
            return List.of();
        }
        c.state = State.ANSWERED;
        c.token = r.token();
        add(v6 ? r.nodes6() : r.nodes(), own);
        List<InetSocketAddress> fresh = new ArrayList<>();
        for (InetSocketAddress p : r.values()) {
            if (peers.size() < MAX_PEERS && peers.add(p)) {
                fresh.add(p);
            }
        }
        return fresh;
    }

    public void failed(CompactNode from) {
        Candidate c = find(from);
        if (c != null) {
            c.state = State.FAILED;
        }
    }

    /** The K closest nodes that answered with a token: where to announce (BEP 5). */
    public List<Announce> announceTargets() {
        List<Announce> out = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.state == State.ANSWERED && c.token != null && out.size() < settings.k()) {
                out.add(new Announce(c.node, c.token));
            }
        }
        return out;
    }

    /** The K closest nodes that answered (a find_node lookup's result). */
    public List<CompactNode> closest() {
        List<CompactNode> out = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.state == State.ANSWERED && out.size() < settings.k()) {
                out.add(c.node);
            }
        }
        return out;
    }

    public int peersFound() {
        return peers.size();
    }

    public record Announce(CompactNode node, byte[] token) {
    }

    /** One candidate per address: a node listing one address under many ids must not aim us at it. */
    private boolean knows(InetSocketAddress address) {
        for (Candidate c : candidates) {
            if (c.node.address().equals(address)) {
                return true;
            }
        }
        return false;
    }

    private Candidate find(CompactNode n) {
        for (Candidate c : candidates) {
            if (c.node.address().equals(n.address()) && c.node.id().equals(n.id())) {
                return c;
            }
        }
        return null;
    }
}
