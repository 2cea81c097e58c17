package dev.shoal.dht.internal.node;

import dev.shoal.dht.internal.krpc.Compact;
import dev.shoal.dht.internal.krpc.CompactNode;
import dev.shoal.dht.internal.routing.NodeEntry;
import dev.shoal.dht.internal.routing.NodeId;
import dev.shoal.dht.internal.routing.RoutingTable;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The node's routing tables, one per address family it runs (null for one it does not), made anew
 * around a new id. Not thread-safe: the node's lock.
 */
final class Tables {

    private final NodeSettings settings;
    private RoutingTable v4;
    private RoutingTable v6;

    Tables(NodeSettings settings, NodeId id, long now) {
        this.settings = settings;
        build(id, now);
    }

    private void build(NodeId id, long now) {
        v4 = settings.v4() ? new RoutingTable(id, settings.k(), settings.preferVerified(), now) : null;
        v6 = settings.v6() ? new RoutingTable(id, settings.k(), settings.preferVerified(), now) : null;
    }

    /** Our id changed (BEP 42): every known node is offered to tables around the new one. */
    void rebuild(NodeId id, long now) {
        List<NodeEntry> known = new ArrayList<>();
        all().forEach(t -> known.addAll(t.all()));
        build(id, now);
        for (NodeEntry e : known) {
            of(e.address()).offer(e, now);
        }
    }

    RoutingTable v4() {
        return v4;
    }

    RoutingTable v6() {
        return v6;
    }

    /** The table of a family; null when we do not run it. */
    RoutingTable of(boolean isV6) {
        return isV6 ? v6 : v4;
    }

    RoutingTable of(InetSocketAddress a) {
        return of(Compact.isV6(a));
    }

    boolean runs(InetSocketAddress a) {
        return of(a) != null;
    }

    List<RoutingTable> all() {
        List<RoutingTable> out = new ArrayList<>(2);
        if (v4 != null) {
            out.add(v4);
        }
        if (v6 != null) {
            out.add(v6);
        }
        return out;
    }

    /** Whether every family we run knows at least K good nodes. */
    boolean joined(long now) {
        for (RoutingTable t : all()) {
            if (t.count(NodeEntry.State.GOOD, now) < settings.k()) {
                return false;
            }
        }
        return true;
    }

    int count(boolean isV6, NodeEntry.State s, long now) {
        RoutingTable t = of(isV6);
        return t == null ? 0 : t.count(s, now);
    }

    int dubious(boolean isV6, long now) {
        return count(isV6, NodeEntry.State.QUESTIONABLE, now) + count(isV6, NodeEntry.State.BAD, now);
    }

    int good(long now) {
        return count(false, NodeEntry.State.GOOD, now) + count(true, NodeEntry.State.GOOD, now);
    }

    /** Whether any table holds a live node (then pings may come due as they fall quiet). */
    boolean anyNodes() {
        for (RoutingTable t : all()) {
            if (!t.all().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** When the stalest bucket of any table is due for its refresh. */
    long nextRefreshAt() {
        long next = Long.MAX_VALUE;
        for (RoutingTable t : all()) {
            next = Math.min(next, t.nextRefreshAt());
        }
        return next;
    }

    /** Up to {@code savedPerFamily} good nodes of a family, nearest first. */
    List<CompactNode> saved(boolean isV6, long now) {
        List<CompactNode> out = new ArrayList<>();
        RoutingTable table = of(isV6);
        if (table != null) {
            for (NodeEntry e : table.all()) {
                if (e.state(now) == NodeEntry.State.GOOD && out.size() < settings.savedPerFamily()) {
                    out.add(new CompactNode(e.id(), e.address()));
                }
            }
        }
        return out;
    }
}
