package dev.shoal.dht.internal.krpc;

import dev.shoal.dht.internal.routing.NodeId;
import java.net.InetSocketAddress;

/** A node as BEP 5 and 32 list them: its id and where it listens. */
public record CompactNode(NodeId id, InetSocketAddress address) {
}
