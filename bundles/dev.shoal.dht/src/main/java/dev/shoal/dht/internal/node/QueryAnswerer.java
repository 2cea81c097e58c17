package dev.shoal.dht.internal.node;

import dev.shoal.dht.internal.krpc.Compact;
import dev.shoal.dht.internal.krpc.CompactNode;
import dev.shoal.dht.internal.krpc.Message;
import dev.shoal.dht.internal.krpc.Message.Query;
import dev.shoal.dht.internal.routing.NodeEntry;
import dev.shoal.dht.internal.routing.NodeId;
import dev.shoal.dht.internal.routing.RoutingTable;
import dev.shoal.dht.internal.storage.PeerStore;
import dev.shoal.dht.internal.storage.Tokens;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Answers the four BEP 5 queries. An answer never carries more than the query asked for: node
 * lists only of the families wanted (BEP 32; by default the querier's own), at most K nodes each,
 * at most {@code maxValues} peers, so nobody can use us to flood a third party. Not thread-safe.
 */
final class QueryAnswerer {

    private final NodeSettings settings;
    private final Tokens tokens;
    private final PeerStore store;
    private final Random random;

    QueryAnswerer(NodeSettings settings, Tokens tokens, PeerStore store, Random random) {
        this.settings = settings;
        this.tokens = tokens;
        this.store = store;
        this.random = random;
    }

    Message answer(InetSocketAddress from, Query q, NodeId own, RoutingTable v4, RoutingTable v6, long now) {
        byte[] t = q.transaction();
        switch (q.method()) {
            case Query.PING:
                return response(t, own, from, List.of(), List.of(), List.of(), null);
            case Query.FIND_NODE:
                if (q.target() == null) {
                    return new Message.Error(t, Message.Error.PROTOCOL, "find_node without a target");
                }
                return nodes(from, q, q.target(), own, v4, v6, now, List.of(), null);
            case Query.GET_PEERS:
                if (q.infoHash() == null) {
                    return new Message.Error(t, Message.Error.PROTOCOL, "get_peers without an info_hash");
                }
                List<InetSocketAddress> values = store.peers(q.infoHash(), Compact.isV6(from), settings.maxValues(),
                        now, random);
                return nodes(from, q, q.infoHash(), own, v4, v6, now, values, tokens.issue(from.getAddress(), now));
            case Query.ANNOUNCE_PEER:
                return announce(from, q, own, now);
            default:
                // BEP 5 leaves room for new queries: one naming a target is answered as find_node.
                NodeId target = q.target() != null ? q.target() : q.infoHash();
                if (target == null) {
                    return new Message.Error(t, Message.Error.METHOD_UNKNOWN, "unknown method");
                }
                return nodes(from, q, target, own, v4, v6, now, List.of(), null);
        }
    }

    private Message announce(InetSocketAddress from, Query q, NodeId own, long now) {
        byte[] t = q.transaction();
        if (q.infoHash() == null) {
            return new Message.Error(t, Message.Error.PROTOCOL, "announce_peer without an info_hash");
        }
        if (!tokens.valid(q.token(), from.getAddress(), now)) {
            return new Message.Error(t, Message.Error.PROTOCOL, "invalid token");
        }
        int port = q.impliedPort() ? from.getPort() : q.port();
        if (port == 0) {
            return new Message.Error(t, Message.Error.PROTOCOL, "announce_peer without a port");
        }
        store.announce(q.infoHash(), new InetSocketAddress(from.getAddress(), port), now);
        return response(t, own, from, List.of(), List.of(), List.of(), null);
    }

    private Message nodes(InetSocketAddress from, Query q, NodeId target, NodeId own, RoutingTable v4,
            RoutingTable v6, long now, List<InetSocketAddress> values, byte[] token) {
        boolean fromV6 = Compact.isV6(from);
        boolean want4 = q.want().contains(Message.Want.N4) || (q.want().isEmpty() && !fromV6);
        boolean want6 = q.want().contains(Message.Want.N6) || (q.want().isEmpty() && fromV6);
        List<CompactNode> nodes = want4 && v4 != null ? compact(v4.closest(target, settings.k(), now)) : List.of();
        List<CompactNode> nodes6 = want6 && v6 != null ? compact(v6.closest(target, settings.k(), now)) : List.of();
        return response(q.transaction(), own, from, nodes, nodes6, values, token);
    }

    private static Message.Response response(byte[] t, NodeId own, InetSocketAddress from, List<CompactNode> nodes,
            List<CompactNode> nodes6, List<InetSocketAddress> values, byte[] token) {
        // BEP 42: tell the querier where we saw it, so it can choose an id that fits.
        return new Message.Response(t, own, nodes, nodes6, values, token, from);
    }

    private static List<CompactNode> compact(List<NodeEntry> entries) {
        List<CompactNode> out = new ArrayList<>(entries.size());
        for (NodeEntry e : entries) {
            out.add(new CompactNode(e.id(), e.address()));
        }
        return out;
    }
}
