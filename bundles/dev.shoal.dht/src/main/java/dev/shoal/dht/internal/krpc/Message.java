package dev.shoal.dht.internal.krpc;

import dev.shoal.dht.internal.routing.NodeId;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;

/** A KRPC message (BEP 5): a query, a response or an error, each under a transaction id. */
public sealed interface Message permits Message.Query, Message.Response, Message.Error {

    int MAX_TRANSACTION_ID = 16;

    byte[] transaction();

    /** Which node lists a querier wants (BEP 32); empty means "the family it asked from". */
    enum Want { N4, N6 }

    /**
     * A query. {@code target} is set for find_node, {@code infoHash} for get_peers and announce_peer;
     * {@code token}, {@code port} and {@code impliedPort} for announce_peer; {@code readOnly} is BEP
     * 43's "ro" (the querier must not enter our table).
     */
    record Query(byte[] transaction, String method, NodeId id, NodeId target, NodeId infoHash,
            byte[] token, int port, boolean impliedPort, Set<Want> want, boolean readOnly) implements Message {

        public static final String PING = "ping";
        public static final String FIND_NODE = "find_node";
        public static final String GET_PEERS = "get_peers";
        public static final String ANNOUNCE_PEER = "announce_peer";

        public static Query ping(byte[] t, NodeId id) {
            return new Query(t, PING, id, null, null, null, 0, false, Set.of(), false);
        }

        public static Query findNode(byte[] t, NodeId id, NodeId target, Set<Want> want) {
            return new Query(t, FIND_NODE, id, target, null, null, 0, false, want, false);
        }

        public static Query getPeers(byte[] t, NodeId id, NodeId infoHash, Set<Want> want) {
            return new Query(t, GET_PEERS, id, null, infoHash, null, 0, false, want, false);
        }

        public static Query announcePeer(byte[] t, NodeId id, NodeId infoHash, int port, byte[] token) {
            return new Query(t, ANNOUNCE_PEER, id, null, infoHash, token, port, port == 0, Set.of(), false);
        }
    }

    /**
     * A response; which fields are set depends on the query answered. {@code requester} is BEP 42's
     * "ip": the address the responder saw our query come from.
     */
    record Response(byte[] transaction, NodeId id, List<CompactNode> nodes, List<CompactNode> nodes6,
            List<InetSocketAddress> values, byte[] token, InetSocketAddress requester) implements Message {

        public static Response of(byte[] t, NodeId id) {
            return new Response(t, id, List.of(), List.of(), List.of(), null, null);
        }
    }

    /** An error: 201 generic, 202 server, 203 protocol, 204 method unknown. */
    record Error(byte[] transaction, long code, String message) implements Message {

        public static final int GENERIC = 201;
        public static final int PROTOCOL = 203;
        public static final int METHOD_UNKNOWN = 204;
    }
}
