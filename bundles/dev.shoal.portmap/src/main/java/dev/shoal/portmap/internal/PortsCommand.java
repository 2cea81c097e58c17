package dev.shoal.portmap.internal;

import dev.shoal.engine.api.Engine;
import dev.shoal.peer.api.SwarmService;
import dev.shoal.portmap.api.PortMapStatus;
import dev.shoal.portmap.api.PortMapper;
import dev.shoal.udp.api.UdpPort;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code shoal:ports}: where Shoal listens, what port mapping made of it, and whether the peer port is
 * reachable from the internet as far as Shoal can tell: by the peers that dialled it, never by asking
 * a service outside. The engine, the peer wire and the UDP port are looked up when asked, so this
 * command answers whichever of them run.
 */
@Component(service = PortsCommand.class, property = {"osgi.command.scope=shoal", "osgi.command.function=ports"})
public final class PortsCommand {

    private final PortMapper mapper;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Engine engine;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile SwarmService swarm;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile UdpPort udp;

    @Activate
    public PortsCommand(@Reference PortMapper mapper) {
        this.mapper = mapper;
    }

    public List<String> ports() {
        SwarmService s = swarm;
        UdpPort u = udp;
        Engine e = engine;
        List<String> lines = new ArrayList<>();
        lines.add(s == null ? "peer wire: not running"
                : "peer wire: TCP " + s.listenPort() + " on " + Reachability.where(s.listenAddress()));
        lines.add(u == null ? "UDP (trackers, DHT): not running" : "UDP (trackers, DHT): " + u.port());
        // One status for both parts, so the mappings listed are the ones the verdict weighed.
        PortMapStatus status = mapper.status();
        lines.addAll(PortmapCommand.lines(status));
        List<InetSocketAddress> incoming = e == null ? List.of() : Reachability.incoming(e.torrents());
        lines.addAll(Reachability.verdict(s == null ? 0 : s.listenPort(), incoming, status));
        return lines;
    }
}
