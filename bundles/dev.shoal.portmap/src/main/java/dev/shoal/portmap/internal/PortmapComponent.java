package dev.shoal.portmap.internal;

import dev.shoal.engine.api.Engine;
import dev.shoal.peer.api.SwarmService;
import dev.shoal.portmap.api.Connectivity;
import dev.shoal.portmap.api.ExternalAddress;
import dev.shoal.portmap.api.PortMapStatus;
import dev.shoal.portmap.api.PortMapper;
import dev.shoal.udp.api.UdpPort;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
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
 * Maps the peer wire's TCP port and the shared UDP port on the routers in front of us (UPnP IGD,
 * NAT-PMP, PCP), keeps the leases renewed, removes the mappings at stop, and registers the
 * external address a router told as an {@link ExternalAddress} service while it is known. Shows
 * itself as the {@link PortMapper} service and {@code shoal:portmap}. Routers are asked on a
 * thread of its own; nothing here waits on them. That thread sleeps until the next renewal, retry
 * or gateway rescan is due, or a port or the configuration changes: at rest it wakes once a rescan.
 */
// Immediate: the ports are mapped at start, not when someone first asks how the mapping goes.
@Component(configurationPid = PortmapComponent.PID, service = PortMapper.class, immediate = true)
@Designate(ocd = PortmapComponent.Config.class)
public final class PortmapComponent implements PortMapper {

    public static final String PID = "dev.shoal.portmap";
    private static final Logger LOG = Logger.getLogger(PortmapComponent.class.getName());
    /** At stop, removing the mappings may take this long before the thread is abandoned. */
    private static final long STOP_SECONDS = 8;
    /** How long a verdict on the incoming peers is given again. */
    static final long VERDICT_MILLIS = 10_000;

    @ObjectClassDefinition(name = "Shoal port mapping",
            description = "Opens Shoal's TCP and UDP ports on the router (UPnP IGD, NAT-PMP, PCP).")
    public @interface Config {

        @AttributeDefinition(name = "Enabled", description = "Ask the routers to forward Shoal's ports; off removes the mappings made.")
        boolean enabled() default true;

        @AttributeDefinition(name = "UPnP", description = "Ask UPnP Internet Gateway Devices (SSDP, then SOAP).")
        boolean upnp() default true;

        @AttributeDefinition(name = "NAT-PMP and PCP", description = "Ask each interface's gateway by PCP, and by NAT-PMP if it only speaks that.")
        boolean natPmp() default true;

        @AttributeDefinition(name = "Interfaces",
                description = "Names of the interfaces whose gateways are asked (e.g. eth0, wg0); empty: every interface that is up.")
        String[] interfaces() default {};

        @AttributeDefinition(name = "Lease (s)",
                description = "The lease asked for, renewed at half; a router that refuses it is asked for a permanent mapping. 0: permanent.",
                min = "0")
        int leaseSeconds() default 3600;

        @AttributeDefinition(name = "Refresh (s)",
                description = "How often the gateways and ports are looked at again (a VPN coming up, a port changed).", min = "10")
        int refreshSeconds() default 60;
    }

    private volatile SwarmService swarm;
    private volatile UdpPort udp;
    private volatile Verdict verdict;
    /** Only for {@link #connectivity()}: the peers that dialled us. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Engine engine;

    private final BundleContext context;
    private final Mapper mapper;
    private final ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "shoal-portmap");
        t.setDaemon(true);
        return t;
    });
    /** Touched on the mapper's thread only. */
    private ServiceRegistration<ExternalAddress> registration;
    private ExternalAddress registered;
    /** The next tick, when the next renewal, retry or gateway rescan is due; on the mapper's thread only. */
    private ScheduledFuture<?> next;
    /** Set by the stop on the mapper's thread: a tick queued behind it (a service coming) asks no router. */
    private boolean stopped;

    @Activate
    public PortmapComponent(BundleContext context, Config config) {
        this.context = context;
        UpnpDiscovery discovery = new UpnpDiscovery(UpnpDiscovery.client());
        Settings settings = Settings.from(config);
        this.mapper = new Mapper(settings, Gateways::find, (g, s) -> routers(g, s, discovery), System::currentTimeMillis);
        // The tick waiting for its time is dropped at stop, not run (the mappings are removed then).
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        thread.setRemoveOnCancelPolicy(true);
        wake();
    }

    /*
     * The peer wire and the UDP port come and go apart from this component: each change is a tick
     * now, as the ports wanted changed. A port moved without a service event is seen at the next
     * rescan (refreshSeconds).
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindSwarm")
    void bindSwarm(SwarmService s) {
        swarm = s;
        wake();
    }

    void unbindSwarm(SwarmService s) {
        if (swarm == s) {
            swarm = null;
            wake();
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindUdp")
    void bindUdp(UdpPort u) {
        udp = u;
        wake();
    }

    void unbindUdp(UdpPort u) {
        if (udp == u) {
            udp = null;
            wake();
        }
    }

    @Modified
    void modified(Config config) {
        Settings settings = Settings.from(config);
        submit(() -> {
            mapper.reconfigure(settings);
            tick();
        });
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        submit(() -> {
            stopped = true;
            if (next != null) {
                next.cancel(false);
            }
            mapper.stop();
            offer(null);
        });
        thread.shutdown();
        if (!thread.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS)) {
            LOG.warning("port mapping: the routers did not answer within " + STOP_SECONDS
                    + " s at stop; mappings not removed expire with their lease");
            thread.shutdownNow();
        }
    }

    @Override
    public PortMapStatus status() {
        return mapper.status();
    }

    /**
     * The peers of every torrent are walked at most every {@value #VERDICT_MILLIS} ms (a window asks at
     * each refresh, and thousands of peers are many objects); a new mapping status or port is judged at once.
     */
    @Override
    public Connectivity connectivity() {
        SwarmService s = swarm;
        int port = s == null ? 0 : s.listenPort();
        PortMapStatus status = mapper.status();
        Verdict last = verdict;
        long now = System.nanoTime();
        if (last != null && last.status == status && last.connectivity.port() == port
                && now - last.atNanos < TimeUnit.MILLISECONDS.toNanos(VERDICT_MILLIS)) {
            return last.connectivity;
        }
        Engine e = engine;
        Connectivity judged = Reachability.judge(port, e == null ? List.of() : Reachability.incoming(e.torrents()), status);
        verdict = new Verdict(judged, status, now);
        return judged;
    }

    /** A verdict, the status it weighed (compared by identity: each change is a new one) and when. */
    private record Verdict(Connectivity connectivity, PortMapStatus status, long atNanos) {
    }

    private static List<Router> routers(Gateway g, Settings s, UpnpDiscovery discovery) {
        List<Router> routers = new ArrayList<>();
        if (s.pmp()) {
            routers.add(new PmpRouter(g));
        }
        if (s.upnp()) {
            routers.add(new UpnpGateway(g, discovery));
        }
        return routers;
    }

    /** A tick now, on the mapper's thread: what is due next is scheduled from there. */
    private void wake() {
        submit(this::tick);
    }

    private void submit(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            // Stopping: the mappings are being removed, nothing more is asked.
        }
    }

    /** Maps what is due, then sleeps until the next renewal, retry or rescan (none while mapping is off). */
    private void tick() {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
        if (stopped) {
            return;
        }
        long due = Long.MAX_VALUE;
        try {
            due = mapper.tick(wanted());
            offer(mapper.status().externalAddress().orElse(null));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "port mapping tick failed", e);
            due = System.currentTimeMillis() + MappingJob.FIRST_RETRY_S * 1000;
        }
        if (due != Long.MAX_VALUE) {
            try {
                next = thread.schedule(this::tick, Math.max(0, due - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // Stopping: the stop queued behind this tick removes the mappings.
            }
        }
    }

    private Set<Mapper.Port> wanted() {
        Set<Mapper.Port> ports = new LinkedHashSet<>();
        SwarmService s = swarm;
        if (s != null && s.listenPort() > 0) {
            ports.add(new Mapper.Port(Transport.TCP, s.listenPort()));
        }
        UdpPort u = udp;
        if (u != null && u.port() > 0) {
            ports.add(new Mapper.Port(Transport.UDP, u.port()));
        }
        return ports;
    }

    /** Registers {@code address} as the service (replacing the one before), or none for {@code null}. */
    private void offer(ExternalAddress address) {
        if (Objects.equals(address, registered)) {
            return;
        }
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // The bundle is stopping: the framework unregistered it.
            }
            registration = null;
        }
        registered = address;
        if (address != null) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(ExternalAddress.ADDRESS, address.address().getHostAddress());
            props.put(ExternalAddress.SOURCE, address.source());
            registration = context.registerService(ExternalAddress.class, address, props);
        }
    }
}
