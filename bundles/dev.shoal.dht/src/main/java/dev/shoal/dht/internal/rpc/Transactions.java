package dev.shoal.dht.internal.rpc;

import dev.shoal.dht.internal.krpc.Message;
import dev.shoal.dht.internal.routing.NodeId;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Our outstanding queries, by transaction id: bounded, each expiring after a timeout. A reply is
 * only taken from the address the query went to, so nobody can answer for another node. Not
 * thread-safe.
 */
public final class Transactions {

    /** What waits for a query's fate; called under the node's lock. */
    public interface Reply {
        void answered(Message.Response response, long now);

        /** No answer in time ({@code timedOut}), or an error message came back. */
        void failed(boolean timedOut, long now);

        /** For queries whose answer only matters to the routing table (pings, announces). */
        Reply IGNORE = new Reply() {
            @Override
            public void answered(Message.Response response, long now) {
            }

            @Override
            public void failed(boolean timedOut, long now) {
            }
        };
    }

    /** One query in flight. {@code to} is whom we asked; {@code id} the node id we expect, or null. */
    public record Pending(InetSocketAddress to, NodeId id, String method, long sentAt, Reply reply) {
    }

    private final int max;
    private final long timeoutMillis;
    private final Random random;
    private final Map<Integer, Pending> pending = new HashMap<>();

    public Transactions(int max, long timeoutMillis, Random random) {
        this.max = max;
        this.timeoutMillis = timeoutMillis;
        this.random = random;
    }

    /** A fresh 2-byte transaction id for {@code p}, or null when too many queries are out. */
    public byte[] open(Pending p) {
        if (pending.size() >= max) {
            return null;
        }
        int tid;
        do {
            tid = random.nextInt(1 << 16);
        } while (pending.containsKey(tid));
        pending.put(tid, p);
        return new byte[] {(byte) (tid >> 8), (byte) tid};
    }

    /** The pending query this message answers, removed; null when none matches. */
    public Pending close(byte[] transaction, InetSocketAddress from) {
        if (transaction.length != 2) {
            return null;
        }
        int tid = ((transaction[0] & 0xff) << 8) | (transaction[1] & 0xff);
        Pending p = pending.get(tid);
        if (p == null || !p.to().equals(from)) {
            return null;
        }
        pending.remove(tid);
        return p;
    }

    /** Removes and returns the queries older than the timeout. */
    public List<Pending> expire(long now) {
        List<Pending> out = new ArrayList<>();
        for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (now - p.sentAt() >= timeoutMillis) {
                it.remove();
                out.add(p);
            }
        }
        return out;
    }

    public int size() {
        return pending.size();
    }
}
