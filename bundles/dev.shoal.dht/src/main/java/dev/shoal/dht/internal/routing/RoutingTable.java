package dev.shoal.dht.internal.routing;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * The BEP 5 routing table of one address family: buckets of at most K nodes, where only the bucket
 * covering our own id splits, so the table knows many nodes near us and a few far away. Bounded:
 * at most 160 buckets of K live nodes and K replacements each. Not thread-safe (the node's lock).
 */
public final class RoutingTable {

    public static final long REFRESH_AFTER_MILLIS = 15 * 60_000L;

    private final NodeId own;
    private final int k;
    private final boolean preferVerified;
    private final List<Bucket> buckets = new ArrayList<>();

    public RoutingTable(NodeId own, int k, boolean preferVerified, long now) {
        this.own = own;
        this.k = k;
        this.preferVerified = preferVerified;
        buckets.add(new Bucket(now));
    }

    public NodeId ownId() {
        return own;
    }

    /** What {@link #offer} did with a node: the caller pings {@link #toPing} when not null. */
    public record Offer(boolean added, NodeEntry toPing) {
    }

    /**
     * Offers a node that answered us or queried us. A full bucket keeps good nodes (BEP 5: old
     * nodes that stay up are the best ones) and swaps out bad ones; a verified id may push out an
     * unverified one; otherwise the newcomer waits as a replacement while the stalest questionable
     * node is pinged.
     */
    public Offer offer(NodeEntry entry, long now) {
        if (entry.id().equals(own)) {
            return new Offer(false, null);
        }
        NodeEntry sameAddress = findByAddress(entry.address());
        if (sameAddress != null && !sameAddress.id().equals(entry.id())) {
            if (sameAddress.state(now) != NodeEntry.State.BAD) {
                return new Offer(false, null); // one id per address; a changing id is not trusted
            }
            remove(sameAddress);
        }
        if (!isLocal(entry.address().getAddress())) {
            NodeEntry sameIp = findByIp(entry.address().getAddress());
            if (sameIp != null && !sameIp.address().equals(entry.address())) {
                return new Offer(false, null); // one node per public IP, against a flood of ids
            }
        }
        while (true) {
            int index = indexOf(entry.id());
            Bucket bucket = buckets.get(index);
            NodeEntry existing = bucket.find(entry.id());
            if (existing != null) {
                if (!existing.address().equals(entry.address())) {
                    return new Offer(false, null); // an id moving to another address: ignore
                }
                existing.merge(entry);
                return new Offer(true, null);
            }
            if (bucket.live.size() < k) {
                NodeEntry waiting = bucket.findReplacement(entry.id());
                bucket.replacements.remove(waiting);
                bucket.live.add(entry);
                bucket.lastChanged = now;
                return new Offer(true, null);
            }
            if (index == buckets.size() - 1 && buckets.size() < NodeId.BITS) {
                split(now);
                continue;
            }
            return offerToFull(bucket, entry, now);
        }
    }

    private Offer offerToFull(Bucket bucket, NodeEntry entry, long now) {
        for (int i = 0; i < bucket.live.size(); i++) {
            NodeEntry e = bucket.live.get(i);
            if (e.state(now) == NodeEntry.State.BAD) {
                bucket.live.set(i, entry);
                bucket.lastChanged = now;
                return new Offer(true, null);
            }
        }
        if (preferVerified && entry.verified() && entry.confirmed()) {
            for (int i = 0; i < bucket.live.size(); i++) {
                NodeEntry e = bucket.live.get(i);
                if (!e.verified()) {
                    bucket.live.set(i, entry);
                    bucket.addReplacement(e, k);
                    bucket.lastChanged = now;
                    return new Offer(true, null);
                }
            }
        }
        bucket.addReplacement(entry, k);
        NodeEntry stalest = null;
        for (NodeEntry e : bucket.live) {
            if (e.state(now) == NodeEntry.State.QUESTIONABLE
                    && (stalest == null || e.lastResponse() < stalest.lastResponse())) {
                stalest = e;
            }
        }
        return new Offer(false, stalest);
    }

    /** A query to {@code id} at {@code address} went unanswered; a bad node gives way to a replacement. */
    public void failed(NodeId id, InetSocketAddress address, long now) {
        Bucket bucket = buckets.get(indexOf(id));
        NodeEntry e = bucket.find(id);
        if (e == null || !e.address().equals(address)) {
            bucket.replacements.removeIf(r -> r.id().equals(id));
            return;
        }
        e.failed();
        if (e.state(now) == NodeEntry.State.BAD) {
            NodeEntry replacement = bucket.takeReplacement();
            if (replacement != null) {
                bucket.live.set(bucket.live.indexOf(e), replacement);
                bucket.lastChanged = now;
            }
        }
    }

    /** The node with this id at this address, live in the table, or null. */
    public NodeEntry find(NodeId id, InetSocketAddress address) {
        NodeEntry e = buckets.get(indexOf(id)).find(id);
        return e != null && e.address().equals(address) ? e : null;
    }

    /** Marks a bucket fresh: a node in its range answered or a lookup went through it. */
    public void touched(NodeId id, long now) {
        buckets.get(indexOf(id)).lastChanged = now;
    }

    /** Up to {@code n} nodes closest to {@code target} that answered us and are not bad. */
    public List<NodeEntry> closest(NodeId target, int n, long now) {
        return select(e -> e.confirmed() && e.state(now) != NodeEntry.State.BAD, target, n);
    }

    private List<NodeEntry> select(Predicate<NodeEntry> filter, NodeId target, int n) {
        List<NodeEntry> all = new ArrayList<>();
        for (Bucket b : buckets) {
            for (NodeEntry e : b.live) {
                if (filter.test(e)) {
                    all.add(e);
                }
            }
        }
        all.sort(Comparator.comparing(NodeEntry::id, target::compareDistance));
        return all.size() > n ? new ArrayList<>(all.subList(0, n)) : all;
    }

    /** Live questionable nodes not pinged for {@code quietMillis}, stalest first, at most {@code n}. */
    public List<NodeEntry> toPing(long now, long quietMillis, int n) {
        List<NodeEntry> out = new ArrayList<>();
        for (Bucket b : buckets) {
            for (NodeEntry e : b.live) {
                if (e.state(now) == NodeEntry.State.QUESTIONABLE && now - e.lastPinged() >= quietMillis) {
                    out.add(e);
                }
            }
        }
        out.sort(Comparator.comparingLong(NodeEntry::lastResponse));
        return out.size() > n ? out.subList(0, n) : out;
    }

    /** A random target in each bucket left unchanged for 15 minutes (BEP 5's refresh). */
    public List<NodeId> staleBucketTargets(long now, Random random) {
        List<NodeId> out = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            Bucket b = buckets.get(i);
            if (now - b.lastChanged >= REFRESH_AFTER_MILLIS) {
                out.add(own.randomWithPrefix(i, random)); // bucket i holds ids sharing i bits with ours (the last: i or more)
                b.lastChanged = now;
            }
        }
        return out;
    }

    /** When the first bucket left unchanged comes due for its refresh ({@link #staleBucketTargets}). */
    public long nextRefreshAt() {
        long next = Long.MAX_VALUE;
        for (Bucket b : buckets) {
            next = Math.min(next, b.lastChanged + REFRESH_AFTER_MILLIS);
        }
        return next;
    }

    /**
     * Makes every bucket due for a refresh: after joining, a lookup in each bucket's range fills
     * the far buckets, which our own-id lookup leaves nearly empty (Kademlia's join).
     */
    public void refreshAll() {
        for (Bucket b : buckets) {
            b.lastChanged = Long.MIN_VALUE / 2;
        }
    }

    /** All live nodes, nearest buckets first (what is saved). */
    public List<NodeEntry> all() {
        List<NodeEntry> out = new ArrayList<>();
        for (int i = buckets.size() - 1; i >= 0; i--) {
            out.addAll(buckets.get(i).live);
        }
        return out;
    }

    public int count(NodeEntry.State state, long now) {
        int n = 0;
        for (Bucket b : buckets) {
            for (NodeEntry e : b.live) {
                n += e.state(now) == state ? 1 : 0;
            }
        }
        return n;
    }

    public int bucketCount() {
        return buckets.size();
    }

    private int indexOf(NodeId id) {
        return Math.min(own.commonPrefix(id), buckets.size() - 1);
    }

    private void split(long now) {
        int last = buckets.size() - 1;
        Bucket old = buckets.get(last);
        Bucket near = new Bucket(now);
        buckets.add(near);
        moveNear(old.live, near.live, last);
        moveNear(old.replacements, near.replacements, last);
        // The far half may now lack live nodes that its replacements can fill.
        while (old.live.size() < k && !old.replacements.isEmpty()) {
            old.live.add(old.takeReplacement());
        }
    }

    private void moveNear(List<NodeEntry> from, List<NodeEntry> to, int index) {
        from.removeIf(e -> {
            if (own.commonPrefix(e.id()) > index) {
                to.add(e);
                return true;
            }
            return false;
        });
    }

    private NodeEntry findByAddress(InetSocketAddress address) {
        for (Bucket b : buckets) {
            for (NodeEntry e : b.live) {
                if (e.address().equals(address)) {
                    return e;
                }
            }
        }
        return null;
    }

    private NodeEntry findByIp(InetAddress ip) {
        for (Bucket b : buckets) {
            for (NodeEntry e : b.live) {
                if (e.address().getAddress().equals(ip)) {
                    return e;
                }
            }
        }
        return null;
    }

    private void remove(NodeEntry e) {
        buckets.get(indexOf(e.id())).live.remove(e);
    }

    private static boolean isLocal(InetAddress address) {
        return SecureIds.isLocal(address);
    }
}
