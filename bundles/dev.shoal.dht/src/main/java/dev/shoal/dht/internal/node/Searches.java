package dev.shoal.dht.internal.node;

import dev.shoal.dht.internal.lookup.Lookup;
import dev.shoal.dht.internal.routing.NodeId;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The torrents whose peers we look for (and announce, when a port is given): each gets a get_peers
 * lookup per address family every {@code researchMillis}, or {@code researchFewMillis} after the
 * last while the torrent wants peers and the last lookup found few, and at most
 * {@code maxTorrentLookups} run at once, the longest-waiting first. A torrent that wanted none when
 * its lookup ended is asked again every {@code researchFewMillis}, and looked up then if it wants
 * some by now (it lost its peers): so the rate stays one lookup per torrent per that time at most.
 * Runs under the node's lock.
 */
public final class Searches {

    /** A torrent's search, until closed. */
    public interface Handle extends AutoCloseable {
        @Override
        void close();
    }

    private final class Search implements Handle {
        final NodeId infoHash;
        final int port;
        final IntSupplier wanted;
        final Consumer<List<InetSocketAddress>> sink;
        long nextAt;
        /** While it wanted no peers: when to ask again whether it does; else {@link Long#MAX_VALUE}. */
        long askAt = Long.MAX_VALUE;
        int running;
        int found;
        boolean closed;

        Search(NodeId infoHash, int port, IntSupplier wanted, Consumer<List<InetSocketAddress>> sink, long nextAt) {
            this.infoHash = infoHash;
            this.port = port;
            this.wanted = wanted;
            this.sink = sink;
            this.nextAt = nextAt;
        }

        @Override
        public void close() {
            synchronized (node) {
                closed = true;
                searches.remove(this);
            }
        }
    }

    private final DhtNode node;
    private final NodeSettings settings;
    private final List<Search> searches = new ArrayList<>();
    private int running;

    Searches(DhtNode node, NodeSettings settings) {
        this.node = node;
        this.settings = settings;
    }

    /**
     * Starts looking for {@code infoHash}'s peers, delivered to {@code sink}, announcing {@code port}
     * to the closest nodes when it is above 0. {@code wanted} says how many more peers the torrent
     * could use (0: enough), asked when a lookup ends and while it wants none. Both are called under
     * the node's lock: they must not block.
     */
    public Handle add(NodeId infoHash, int port, IntSupplier wanted, Consumer<List<InetSocketAddress>> sink) {
        synchronized (node) {
            Search s = new Search(infoHash, port, wanted, sink, node.now());
            searches.add(s);
            tick(node.now());
            return s;
        }
    }

    void tick(long now) {
        List<Search> due = new ArrayList<>();
        for (Search s : searches) {
            if (s.running == 0 && s.askAt <= now) {
                if (wants(s)) {
                    s.askAt = Long.MAX_VALUE;
                    s.nextAt = now; // it lost peers: look now, at least researchFewMillis after the last
                } else {
                    s.askAt = now + settings.researchFewMillis();
                }
            }
            if (s.running == 0 && s.nextAt <= now) {
                due.add(s);
            }
        }
        due.sort(Comparator.comparingLong(s -> s.nextAt));
        for (Search s : due) {
            if (running >= settings.maxTorrentLookups() || node.goodNodes() == 0) {
                return; // nothing to ask yet, or enough running: the next tick tries again
            }
            s.found = 0;
            for (boolean v6 : new boolean[] {false, true}) {
                if (v6 ? settings.v6() : settings.v4()) {
                    start(s, new Lookup(s.infoHash, Lookup.Kind.GET_PEERS, v6, settings.lookup()), now);
                }
            }
        }
    }

    /** When {@link #tick} has a search to start or a torrent to ask; never while no good node is known. */
    long nextAt(long now) {
        if (node.goodNodes() == 0) {
            return Long.MAX_VALUE; // nodes come with datagrams, and a datagram brings a tick
        }
        long next = Long.MAX_VALUE;
        for (Search s : searches) {
            if (s.running == 0) {
                next = Math.min(next, Math.min(s.nextAt, s.askAt));
            }
        }
        return Math.max(next, now);
    }

    private void start(Search s, Lookup lookup, long now) {
        running++; // before: a lookup with nobody to ask is done (and counted down) inside startLookup
        s.running++;
        boolean started = node.startLookup(lookup, new DhtNode.LookupListener() {
            @Override
            public void peers(List<InetSocketAddress> peers) {
                if (!s.closed) {
                    s.sink.accept(peers);
                }
            }

            @Override
            public void done(Lookup l) {
                running--;
                s.running--;
                s.found += l.peersFound();
                if (!s.closed && s.port > 0) {
                    node.announce(l, s.port);
                }
                if (s.running == 0) {
                    schedule(s, node.now());
                }
            }
        });
        if (!started) {
            running--;
            s.running--;
            s.nextAt = now + 1_000; // the lookup slots are full: soon again
        }
    }

    /** After its lookups ended: soon while it wants peers and the DHT had few, else at the slow pace. */
    private void schedule(Search s, long now) {
        boolean wants = wants(s);
        s.askAt = wants ? Long.MAX_VALUE : now + settings.researchFewMillis();
        s.nextAt = now + (wants && s.found < settings.fewPeers() ? settings.researchFewMillis()
                : settings.researchMillis());
    }

    private static boolean wants(Search s) {
        try {
            return s.wanted.getAsInt() > 0;
        } catch (RuntimeException e) {
            return true; // the torrent cannot say: look as if it wanted peers, at the bounded pace
        }
    }

    int size() {
        return searches.size();
    }

    int announcing() {
        return (int) searches.stream().filter(s -> s.port > 0).count();
    }
}
