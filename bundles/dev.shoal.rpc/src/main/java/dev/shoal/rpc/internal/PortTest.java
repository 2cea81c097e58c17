package dev.shoal.rpc.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.PeerStatus;
import dev.shoal.engine.api.Torrent;
import dev.shoal.portmap.api.Mapping;
import dev.shoal.portmap.api.PortMapStatus;
import dev.shoal.support.net.Addresses;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code port-test}, answered from what Shoal sees rather than by asking a service outside (which
 * Transmission does, and Shoal has none of): the peer port is open when a peer from a public address
 * is connected now through it (it dialled us). Without such a peer the answer is an error saying so,
 * with what port mapping did, never a guess that it is closed or open.
 */
final class PortTest implements RpcMethod {

    private final Engine engine;
    /** What port mapping says of the peer port, one line; empty without port mapping. */
    private final Supplier<Optional<String>> mapping;

    PortTest(Engine engine, Supplier<Optional<String>> mapping) {
        this.engine = engine;
        this.mapping = mapping;
    }

    @Override
    public ObjectNode call(Arguments arguments, boolean snake) throws RpcException {
        int port = engine.listenPort();
        Optional<PeerStatus> incoming = incomingFromInternet(engine.torrents());
        if (incoming.isPresent()) {
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            answer.put(snake ? "port_is_open" : "port-is-open", true);
            return answer;
        }
        throw new RpcException("port-test: Shoal does not probe its port from outside; no peer from the internet"
                + " is connected through port " + port + " now, so it cannot tell whether the port is open"
                + mapping.get().map(m -> " (" + m + ")").orElse(""));
    }

    /** A peer that dialled us from a public address: proof that the port is reachable from outside. */
    static Optional<PeerStatus> incomingFromInternet(List<Torrent> torrents) {
        for (Torrent torrent : torrents) {
            for (PeerStatus peer : torrent.peers()) {
                if (!peer.outgoing() && Addresses.isPublic(peer.address().getAddress())) {
                    return Optional.of(peer);
                }
            }
        }
        return Optional.empty();
    }

    /** What port mapping did for the peer port's TCP, one line, from its status. */
    static String describe(PortMapStatus status, int port) {
        if (!status.enabled()) {
            return "port mapping is off";
        }
        List<String> said = new ArrayList<>();
        for (Mapping mapping : status.mappings()) {
            if (mapping.transport().equals("TCP") && mapping.internalPort() == port) {
                said.add(mapping.state().equals(Mapping.MAPPED)
                        ? mapping.method() + " at " + mapping.gateway() + " mapped it to external port "
                                + mapping.externalPort()
                        : mapping.method() + " at " + mapping.gateway() + ": " + mapping.state()
                                + (mapping.note().isEmpty() ? "" : ", " + mapping.note()));
            }
        }
        return said.isEmpty() ? "port mapping found no router to ask" : "port mapping: " + String.join("; ", said);
    }
}
