package dev.shoal.dht.internal.node;

import dev.shoal.dht.internal.krpc.CompactNode;
import dev.shoal.dht.internal.krpc.Message;
import dev.shoal.dht.internal.lookup.Lookup;
import dev.shoal.dht.internal.rpc.Transactions;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Joins the network while we know fewer than K good nodes in a family we run: first through the nodes saved last time
 * (a lookup of our own id, which fills the buckets near us), and only when those are not enough
 * through the configured bootstrap nodes, retrying with a backoff that doubles up to 5 minutes.
 * Runs under the node's lock.
 */
public final class Bootstrap {

    static final long FIRST_RETRY_MILLIS = 5_000;
    static final long MAX_RETRY_MILLIS = 5 * 60_000L;

    private final DhtNode node;
    private final List<CompactNode> saved;
    private final List<Lookup> running = new ArrayList<>();
    private List<InetSocketAddress> routers = List.of();
    private int attempts;
    private long nextAt = Long.MIN_VALUE;
    private long routerQueries;

    Bootstrap(DhtNode node, List<CompactNode> saved) {
        this.node = node;
        this.saved = List.copyOf(saved);
    }

    /** The bootstrap nodes, resolved (a name that did not resolve is left out). */
    public void routers(List<InetSocketAddress> resolved) {
        synchronized (node) {
            routers = List.copyOf(resolved);
            if (attempts > 0 && !node.joined()) {
                nextAt = node.now(); // new routers: try them at the next tick
            }
        }
    }

    /** How many queries went to the bootstrap nodes so far. */
    public long routerQueries() {
        synchronized (node) {
            return routerQueries;
        }
    }

    /** When {@link #tick} has something to do: the next attempt while we have not joined and none runs. */
    long nextAt(long now) {
        running.removeIf(Lookup::finished);
        if (!running.isEmpty() || node.joined()) {
            return Long.MAX_VALUE; // a running lookup moves on its answers; a joined node needs no bootstrap
        }
        return Math.max(nextAt, now);
    }

    void tick(long now) {
        if (node.joined()) {
            attempts = 0;
            return;
        }
        running.removeIf(Lookup::finished);
        if (now < nextAt || !running.isEmpty()) {
            return;
        }
        attempts++;
        nextAt = now + Math.min(MAX_RETRY_MILLIS, FIRST_RETRY_MILLIS << Math.min(attempts - 1, 16));
        if (attempts == 1 && !saved.isEmpty()) {
            for (boolean v6 : families()) {
                selfLookup(v6, saved, true);
            }
        } else {
            askRouters();
        }
    }

    private boolean[] families() {
        NodeSettings s = node.settings();
        return s.v4() && s.v6() ? new boolean[] {false, true} : new boolean[] {s.v6()};
    }

    /** A lookup of our own id, which fills the buckets near us; then every bucket is refreshed. */
    private Lookup selfLookup(boolean v6, List<CompactNode> seeds, boolean viaSaved) {
        Lookup l = new Lookup(node.id(), Lookup.Kind.FIND_NODE, v6, node.settings().lookup());
        running.add(l);
        node.startLookup(l, new DhtNode.LookupListener() {
            @Override
            public void done(Lookup lookup) {
                node.refreshAll();
                if (viaSaved && !node.joined()) {
                    nextAt = node.now(); // the saved nodes were not enough: the routers now
                }
            }
        }, seeds);
        return l;
    }

    /** A bootstrap query asks for every family we run (BEP 32), so one router can seed both tables. */
    private Set<Message.Want> wantAll() {
        Set<Message.Want> want = EnumSet.noneOf(Message.Want.class);
        if (node.settings().v4()) {
            want.add(Message.Want.N4);
        }
        if (node.settings().v6()) {
            want.add(Message.Want.N6);
        }
        return want;
    }

    private void askRouters() {
        Lookup[] self = new Lookup[2]; // v4, v6: started by the first router that answers
        for (InetSocketAddress router : routers) {
            routerQueries++;
            Message.Query q = Message.Query.findNode(null, node.id(), node.id(), wantAll());
            node.send(router, null, q, new Transactions.Reply() {
                @Override
                public void answered(Message.Response response, long now) {
                    for (boolean v6 : families()) {
                        List<CompactNode> named = v6 ? response.nodes6() : response.nodes();
                        int i = v6 ? 1 : 0;
                        if (self[i] == null || self[i].finished()) {
                            self[i] = selfLookup(v6, named, false);
                        } else {
                            node.feed(self[i], named);
                        }
                    }
                }

                @Override
                public void failed(boolean timedOut, long now) {
                }
            });
        }
    }
}
