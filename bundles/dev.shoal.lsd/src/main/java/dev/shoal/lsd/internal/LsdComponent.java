package dev.shoal.lsd.internal;

import dev.shoal.engine.api.PeerLookup;
import dev.shoal.engine.api.PeerSink;
import dev.shoal.engine.api.PeerSource;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.peer.api.SwarmService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Local service discovery (BEP 14) as a {@link PeerSource}: the engine asks it for each public
 * torrent; it announces the torrent on the local network and hands the peers heard announcing it to
 * the torrent. A configuration change reopens the sockets and keeps the torrents. While the peer
 * wire ({@link SwarmService}, optional) listens on one address only, only that address's interface
 * is used; the address is read at each rescan (every minute) and when the peer wire comes or goes.
 */
@Component(service = PeerSource.class, configurationPid = LsdComponent.PID)
@Designate(ocd = LsdComponent.Config.class)
public final class LsdComponent implements PeerSource {

    public static final String PID = "dev.shoal.lsd";

    @ObjectClassDefinition(name = "Shoal local service discovery",
            description = "Finds peers of public torrents on the local network (BEP 14 multicast announces).")
    public @interface Config {

        @AttributeDefinition(name = "Enabled", description = "Announce public torrents on the local network and listen for peers there.")
        boolean enabled() default true;

        @AttributeDefinition(name = "IPv4", description = "Use the IPv4 group 239.192.152.143:6771.")
        boolean ipv4() default true;

        @AttributeDefinition(name = "IPv6", description = "Use the IPv6 group [ff15::efc0:988f]:6771.")
        boolean ipv6() default true;

        @AttributeDefinition(name = "Interfaces",
                description = "Names of the network interfaces to use (e.g. eth0, lo); empty: every interface that is up and multicast-capable.")
        String[] interfaces() default {};

        @AttributeDefinition(name = "Announce interval (s)",
                description = "How often each torrent is announced again (BEP 14: 300; at least 60).", min = "60")
        int announceIntervalSeconds() default 300;
    }

    private final LocalDiscovery discovery;
    private volatile SwarmService swarms;

    @Activate
    public LsdComponent(Config config) {
        this.discovery = new LocalDiscovery(LsdSettings.from(config), () -> {
            SwarmService wire = swarms;
            return wire == null ? null : wire.listenAddress();
        });
    }

    @Reference(name = "swarms", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindSwarms")
    void bindSwarms(SwarmService wire) {
        swarms = wire;
        discovery.listeningChanged();
    }

    void unbindSwarms(SwarmService gone) {
        if (swarms == gone) {
            swarms = null;
            discovery.listeningChanged();
        }
    }

    @Modified
    void modified(Config config) {
        discovery.reconfigure(LsdSettings.from(config));
    }

    @Deactivate
    void deactivate() {
        discovery.close();
    }

    @Override
    public String name() {
        return "lsd";
    }

    @Override
    public PeerLookup lookup(InfoHash infoHash, int listenPort, PeerSink sink) {
        return discovery.lookup(infoHash, listenPort, sink);
    }
}
