package dev.shoal.dht.internal.node;

import dev.shoal.dht.internal.krpc.Compact;
import dev.shoal.dht.internal.krpc.CompactNode;
import dev.shoal.dht.internal.krpc.KrpcCodec;
import dev.shoal.dht.internal.krpc.KrpcException;
import dev.shoal.dht.internal.krpc.Message;
import dev.shoal.dht.internal.lookup.Lookup;
import dev.shoal.dht.internal.routing.NodeEntry;
import dev.shoal.dht.internal.routing.NodeId;
import dev.shoal.dht.internal.routing.RoutingTable;
import dev.shoal.dht.internal.routing.SecureIds;
import dev.shoal.dht.internal.rpc.QueryLimiter;
import dev.shoal.dht.internal.rpc.Transactions;
import dev.shoal.dht.internal.storage.PeerStore;
import dev.shoal.dht.internal.storage.Tokens;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * One DHT node: reads every datagram, answers queries, matches answers to our queries, keeps the
 * routing tables and runs lookups. Time comes from {@code clock}; {@link #tick()} is called when
 * {@link #nextTickAt()} says (about once a second while queries are out, else when the next ping,
 * refresh, bootstrap attempt or search is due) and soon after a datagram came, so tests can drive a
 * node without waiting and an idle node sleeps. All state is behind this object's lock; nothing
 * here blocks.
 */
public final class DhtNode {

    /** Hears of a running lookup; called under the node's lock, so it must not block. */
    public interface LookupListener {
        default void peers(List<InetSocketAddress> peers) {
        }

        default void done(Lookup lookup) {
        }
    }

    private static final long PING_QUIET_MILLIS = 60_000;
    private static final int PINGS_PER_TICK = 2;
    /** The pace while queries are out or nodes are pinged. */
    public static final long BUSY_TICK_MILLIS = 1_000;
    /** How long an idle node sleeps at most: stored peers expire, a quiet node turns questionable. */
    public static final long IDLE_TICK_MILLIS = 60_000;
    /** While nodes are known, pings come due as they fall quiet: checked this often. */
    private static final long KNOWN_NODES_TICK_MILLIS = 15_000;

    private final NodeSettings settings;
    private final Transport transport;
    private final LongSupplier clock;
    private final Random random;
    private final Transactions transactions;
    private final QueryLimiter limiter;
    private final Tokens tokens;
    private final PeerStore store;
    private final QueryAnswerer answerer;
    private final ExternalAddress external = new ExternalAddress(3, 64);
    private final Bootstrap bootstrap;
    private final Searches searches;
    /** Running lookups and who hears of each (Lookup has identity equality), in start order. */
    private final Map<Lookup, LookupListener> lookups = new LinkedHashMap<>();
    private NodeId id;
    private Tables tables;
    private long incomingQueries;
    private long malformed;
    /** The last tick pinged nodes: more may be waiting, PINGS_PER_TICK at a time. */
    private boolean pinging;

    public DhtNode(NodeSettings settings, Transport transport, LongSupplier clock, Random random, DhtState saved) {
        this.settings = settings;
        this.transport = transport;
        this.clock = clock;
        this.random = random;
        long now = clock.getAsLong();
        this.transactions = new Transactions(settings.maxTransactions(), settings.queryTimeoutMillis(), random);
        this.limiter = new QueryLimiter(settings.limiter(), now);
        this.tokens = new Tokens(random, now);
        this.store = new PeerStore(settings.maxStoredTorrents(), settings.maxStoredPeers(), settings.peerTtlMillis());
        this.answerer = new QueryAnswerer(settings, tokens, store, random);
        this.id = saved != null ? saved.id() : NodeId.random(random);
        this.tables = new Tables(settings, id, now);
        List<CompactNode> seeds = new ArrayList<>();
        if (saved != null) {
            seeds.addAll(saved.nodes());
            seeds.addAll(saved.nodes6());
        }
        this.bootstrap = new Bootstrap(this, seeds);
        this.searches = new Searches(this, settings);
    }

    // ---- the network side

    /** A datagram arrived; anything malformed or unexpected is dropped and counted, nothing else. */
    public synchronized void receive(InetSocketAddress from, byte[] datagram) {
        long now = clock.getAsLong();
        if (!limiter.admits(from, now) || from.getPort() == 0) {
            return;
        }
        Message m;
        try {
            if (datagram.length > KrpcCodec.MAX_DATAGRAM) {
                throw new KrpcException("datagram of " + datagram.length + " bytes");
            }
            m = KrpcCodec.decode(datagram);
        } catch (KrpcException e) {
            malformed++;
            return;
        }
        if (m instanceof Message.Query q) {
            query(from, q, now);
        } else {
            Transactions.Pending p = transactions.close(m.transaction(), from);
            if (p == null) {
                return; // not ours, or too late: ignored
            }
            if (m instanceof Message.Response r) {
                responded(from, r, now);
                p.reply().answered(r, now);
            } else {
                p.reply().failed(false, now);
            }
        }
    }

    private void query(InetSocketAddress from, Message.Query q, long now) {
        incomingQueries++;
        if (!limiter.answer(from, now) || !tables.runs(from)) {
            return;
        }
        if (!q.readOnly() && !q.id().equals(id)) {
            RoutingTable table = tables.of(from);
            NodeEntry known = table.find(q.id(), from);
            if (known != null) {
                known.queriedUs(now);
            } else {
                NodeEntry fresh = new NodeEntry(q.id(), from);
                fresh.queriedUs(now);
                table.offer(fresh, now); // unconfirmed until it answers one of our pings
            }
        }
        transport.send(from, KrpcCodec.encode(answerer.answer(from, q, id, tables.v4(), tables.v6(), now)));
    }

    private void responded(InetSocketAddress from, Message.Response r, long now) {
        if (!tables.runs(from)) {
            return;
        }
        NodeEntry entry = new NodeEntry(r.id(), from);
        entry.responded(now);
        RoutingTable.Offer offer = tables.of(from).offer(entry, now);
        if (offer.toPing() != null) {
            ping(offer.toPing(), now);
        }
        if (r.requester() != null && !SecureIds.isLocal(from.getAddress())) {
            external.vote(from.getAddress(), r.requester().getAddress());
            InetAddress mine = external.believed();
            if (mine != null && !SecureIds.verify(id, mine) && Compact.isV4(r.requester())) {
                // BEP 42: take an id that our external address vouches for; the table follows it.
                id = SecureIds.generate(mine, random);
                tables.rebuild(id, now);
            }
        }
    }

    /** Sends a query; false when too many of ours are in flight already. */
    boolean send(InetSocketAddress to, NodeId expected, Message.Query query, Transactions.Reply reply) {
        long now = clock.getAsLong();
        byte[] t = transactions.open(new Transactions.Pending(to, expected, query.method(), now, reply));
        if (t == null) {
            return false;
        }
        Message.Query withTid = new Message.Query(t, query.method(), id, query.target(), query.infoHash(),
                query.token(), query.port(), query.impliedPort(), query.want(), query.readOnly());
        transport.send(to, KrpcCodec.encode(withTid));
        return true;
    }

    private void ping(NodeEntry e, long now) {
        e.pinged(now);
        send(e.address(), e.id(), Message.Query.ping(null, id), Transactions.Reply.IGNORE);
    }

    // ---- time

    /** Expires what is due and moves lookups, refreshes, pings and bootstrap along. */
    public synchronized void tick() {
        long now = clock.getAsLong();
        for (Transactions.Pending p : transactions.expire(now)) {
            if (p.id() != null && tables.runs(p.to())) {
                tables.of(p.to()).failed(p.id(), p.to(), now);
            }
            p.reply().failed(true, now);
        }
        pinging = false;
        for (RoutingTable t : tables.all()) {
            for (NodeEntry e : t.toPing(now, PING_QUIET_MILLIS, PINGS_PER_TICK)) {
                ping(e, now);
                pinging = true;
            }
            for (NodeId target : t.staleBucketTargets(now, random)) {
                startLookup(new Lookup(target, Lookup.Kind.FIND_NODE, t == tables.v6(), settings.lookup()), null);
            }
        }
        store.expire(now);
        bootstrap.tick(now);
        searches.tick(now);
        stepLookups(now);
    }

    /**
     * When {@link #tick()} has work next: soon while queries are out or nodes wait for pings, else
     * the first bucket refresh, bootstrap attempt or search due, at most {@link #IDLE_TICK_MILLIS}
     * away (a datagram that comes meanwhile is the caller's cue to tick sooner).
     */
    public synchronized long nextTickAt() {
        long now = clock.getAsLong();
        if (transactions.size() > 0 || !lookups.isEmpty() || pinging) {
            return now + BUSY_TICK_MILLIS;
        }
        long next = now + (tables.anyNodes() ? KNOWN_NODES_TICK_MILLIS : IDLE_TICK_MILLIS);
        next = Math.min(next, tables.nextRefreshAt());
        next = Math.min(next, bootstrap.nextAt(now));
        next = Math.min(next, searches.nextAt(now));
        return Math.max(next, now);
    }

    /** Refreshes every bucket at the next tick (after joining). */
    synchronized void refreshAll() {
        tables.all().forEach(RoutingTable::refreshAll);
    }

    // ---- lookups

    /**
     * Starts a lookup seeded from our table (and {@code seeds}); false when too many run already.
     * {@code listener} may be null.
     */
    synchronized boolean startLookup(Lookup lookup, LookupListener listener, List<CompactNode> seeds) {
        if (lookups.size() >= settings.maxLookups()) {
            return false;
        }
        long now = clock.getAsLong();
        RoutingTable table = tables.of(lookup.v6());
        if (table == null) {
            return false;
        }
        List<CompactNode> start = new ArrayList<>(seeds);
        for (NodeEntry e : table.closest(lookup.target(), settings.lookup().maxCandidates(), now)) {
            start.add(new CompactNode(e.id(), e.address()));
        }
        lookup.add(start, id);
        lookups.put(lookup, listener == null ? new LookupListener() { } : listener);
        table.touched(lookup.target(), now);
        stepLookups(now);
        return true;
    }

    synchronized boolean startLookup(Lookup lookup, LookupListener listener) {
        return startLookup(lookup, listener, List.of());
    }

    /** Feeds nodes a bootstrap router named into a running lookup. */
    synchronized void feed(Lookup lookup, List<CompactNode> nodes) {
        lookup.add(nodes, id);
        stepLookups(clock.getAsLong());
    }

    private void stepLookups(long now) {
        for (Lookup l : List.copyOf(lookups.keySet())) {
            l.step(now, this::queryFor);
        }
        Map<Lookup, LookupListener> done = new LinkedHashMap<>();
        lookups.entrySet().removeIf(e -> e.getKey().finished() && done.put(e.getKey(), e.getValue()) == null);
        done.forEach((l, listener) -> listener.done(l));
    }

    private boolean queryFor(Lookup lookup, CompactNode node) {
        Set<Message.Want> want = EnumSet.noneOf(Message.Want.class);
        Message.Query q = lookup.kind() == Lookup.Kind.GET_PEERS
                ? Message.Query.getPeers(null, id, lookup.target(), want)
                : Message.Query.findNode(null, id, lookup.target(), want);
        return send(node.address(), node.id(), q, new Transactions.Reply() {
            @Override
            public void answered(Message.Response response, long now) {
                List<InetSocketAddress> peers = lookup.answered(node, response, id);
                LookupListener listener = lookups.get(lookup);
                if (listener != null && !peers.isEmpty()) {
                    listener.peers(peers);
                }
                stepLookups(now);
            }

            @Override
            public void failed(boolean timedOut, long now) {
                lookup.failed(node);
                stepLookups(now);
            }
        });
    }

    /** Announces our {@code port} (0: the port queries leave from) to where a get_peers lookup ended. */
    synchronized int announce(Lookup finished, int port) {
        int sent = 0;
        for (Lookup.Announce a : finished.announceTargets()) {
            Message.Query q = Message.Query.announcePeer(null, id, finished.target(), port, a.token());
            sent += send(a.node().address(), a.node().id(), q, Transactions.Reply.IGNORE) ? 1 : 0;
        }
        return sent;
    }

    // ---- the product's side

    public Searches searches() {
        return searches;
    }

    public Bootstrap bootstrap() {
        return bootstrap;
    }

    public synchronized NodeId id() {
        return id;
    }

    /** Our id and up to {@code savedPerFamily} good nodes of each family, nearest first. */
    public synchronized DhtState state() {
        long now = clock.getAsLong();
        return new DhtState(id, tables.saved(false, now), tables.saved(true, now));
    }

    public synchronized NodeStatus status() {
        long now = clock.getAsLong();
        return new NodeStatus(id.toString(), tables.count(false, NodeEntry.State.GOOD, now), tables.dubious(false, now),
                tables.count(true, NodeEntry.State.GOOD, now), tables.dubious(true, now), incomingQueries, limiter.dropped(), malformed,
                lookups.size(), searches.size(), searches.announcing(), store.torrentCount(), store.peerCount(),
                transactions.size());
    }

    /** Sources the query limiter remembers: bounded whatever floods in. */
    synchronized int limitedSources() {
        return limiter.sources();
    }

    /** Whether every family we run knows at least K good nodes. */
    synchronized boolean joined() {
        return tables.joined(clock.getAsLong());
    }

    synchronized int goodNodes() {
        return tables.good(clock.getAsLong());
    }

    long now() {
        return clock.getAsLong();
    }

    NodeSettings settings() {
        return settings;
    }
}
