package dev.shoal.dht.internal.node;

import dev.shoal.dht.internal.krpc.CompactNode;
import dev.shoal.dht.internal.routing.NodeId;
import java.util.List;

/** What survives a restart: our id and good nodes of each family (Transmission's dht.dat). */
public record DhtState(NodeId id, List<CompactNode> nodes, List<CompactNode> nodes6) {
}
