package dev.shoal.udp.internal;

import dev.shoal.peer.api.SwarmService;
import dev.shoal.udp.api.DatagramHandler;
import dev.shoal.udp.api.UdpPort;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link UdpPort} service and the {@link DatagramHandler} whiteboard around one
 * {@link SharedSocket}.
 *
 * <p>A delayed component: the socket is opened when something uses the port (the DHT, a UDP
 * tracker), not by a one-shot command. The socket is bound at activation, which fails (withdrawing the services) when not even a free
 * port can be had. The service stays registered across a rebind: its {@link #port()} answers the port
 * bound now, so users that announce the port read it each time.
 */
@Component(service = UdpPort.class, configurationPid = UdpPortComponent.PID)
@Designate(ocd = UdpPortComponent.Config.class)
public final class UdpPortComponent implements UdpPort {

    public static final String PID = "dev.shoal.udp";
    private static final Logger LOG = LoggerFactory.getLogger(UdpPortComponent.class);
    /**
     * How often the peer wire's port is read: {@link SwarmService} moves its port without a service
     * event (a live config change, {@code listen}), and reading it is a field access. Every
     * {@link #port()} read looks too, so a user announcing the port finds it followed; the poll
     * itself slows down from the first to the last pace while the port stays put, so that a
     * desktop at rest is not woken every few seconds.
     */
    static final long FOLLOW_FIRST_SECONDS = 5;
    static final long FOLLOW_LAST_SECONDS = 300;

    @ObjectClassDefinition(name = "Shoal UDP port",
            description = "The one UDP socket shared by the DHT, UDP trackers and uTP.")
    public @interface Config {

        @AttributeDefinition(name = "Port", description = "UDP port; 0 = the peer wire's TCP port, as libtorrent does."
                + " When the port is taken, a free one is used and a warning logged.", min = "0", max = "65535")
        int port() default 0;

        @AttributeDefinition(name = "Send queue",
                description = "Datagrams waiting to be sent at most; beyond it they are dropped and counted.",
                min = "1", max = "65536")
        int sendQueueLength() default 1024;
    }

    private final Handlers handlers = new Handlers();
    private final Map<ServiceReference<DatagramHandler>, LazyHandler> lazy = new ConcurrentHashMap<>();
    private final ComponentContext context;
    private final SharedSocket socket;
    private final PortKeeper keeper;
    private final ScheduledThreadPoolExecutor follower;
    private volatile Config config;
    private volatile SwarmService swarms;
    private volatile boolean active;
    /** The peer wire's port the socket was last told to follow; -1 before. */
    private volatile int followedTcpPort = -1;
    /** Only touched on the follower thread. */
    private long followSeconds = FOLLOW_FIRST_SECONDS;

    @Activate
    public UdpPortComponent(Config config, ComponentContext context) {
        this.config = config;
        this.context = context;
        this.socket = new SharedSocket(handlers, config.sendQueueLength());
        this.keeper = new PortKeeper(socket);
        this.follower = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "shoal-udp-port");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** After the references are bound: the peer wire's port is known if the peer wire is there. */
    @Activate
    void activate() throws IOException {
        try {
            int tcp = tcpPort();
            keeper.apply(config.port(), tcp);
            followedTcpPort = tcp;
        } catch (IOException e) {
            deactivate();
            throw new IOException("no UDP port can be bound: " + e.getMessage(), e);
        }
        active = true;
        follower.schedule(this::poll, followSeconds, TimeUnit.SECONDS);
        LOG.info("UDP port {}", socket.port());
    }

    @Modified
    void modified(Config changed) throws IOException {
        config = changed;
        socket.setQueueLimit(changed.sendQueueLength());
        int tcp = tcpPort();
        keeper.apply(changed.port(), tcp);
        followedTcpPort = tcp;
    }

    @Deactivate
    void deactivate() {
        active = false;
        follower.shutdownNow();
        LOG.info("{}, closing", socket.status());
        socket.close();
    }

    /** Follows, then looks again soon after a move, later and later while nothing moves. */
    private void poll() {
        boolean moved = follow();
        followSeconds = nextPollSeconds(moved, followSeconds);
        if (active) {
            follower.schedule(this::poll, followSeconds, TimeUnit.SECONDS);
        }
    }

    /** The wait before the next poll: the first pace after a move, else twice the last up to the last pace. */
    static long nextPollSeconds(boolean moved, long lastSeconds) {
        return moved ? FOLLOW_FIRST_SECONDS : Math.min(FOLLOW_LAST_SECONDS, lastSeconds * 2);
    }

    /** Binds where the configuration and the peer wire say; true when the peer wire's port moved. */
    private boolean follow() {
        if (!active) {
            return false;
        }
        int tcp = tcpPort();
        boolean moved = followedTcpPort != -1 && tcp != followedTcpPort;
        followedTcpPort = tcp;
        try {
            keeper.apply(config.port(), tcp);
        } catch (IOException | RuntimeException e) {
            LOG.warn("UDP port: {}", e.toString());
        }
        return moved;
    }

    /** Follows at once (on the follower thread) when the peer wire's port is not the one followed. */
    private void followIfMoved() {
        if (active && tcpPort() != followedTcpPort) {
            try {
                follower.execute(this::follow);
            } catch (RejectedExecutionException e) {
                // deactivated meanwhile
            }
        }
    }

    private int tcpPort() {
        SwarmService current = swarms;
        return current == null ? 0 : current.listenPort();
    }

    UdpStatus status() {
        return socket.status();
    }

    @Override
    public int port() {
        followIfMoved();
        return socket.port();
    }

    @Override
    public boolean send(InetSocketAddress to, ByteBuffer datagram) {
        return socket.send(to, datagram);
    }

    // ---- the peer wire, whose TCP port the UDP port follows (optional: UDP works without it) ----

    @Reference(name = "swarms", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindSwarms")
    void bindSwarms(SwarmService swarms) {
        this.swarms = swarms;
        followIfMoved();
    }

    /** The port stays where it is: a peer wire coming back (an update) most likely listens there again. */
    void unbindSwarms(SwarmService gone) {
        if (swarms == gone) {
            swarms = null;
        }
    }

    // ---- the handlers (whiteboard) ----

    /**
     * Bound as references, fetched lazily: the DHT and the UDP tracker both offer a handler and hold
     * this port. Fetching a handler while this component activates would activate the handler, whose
     * activation asks for this port: SCR breaks that cycle by leaving the handler without its port
     * for good (seen: every UDP announce failed with "UDP port not available"). Fetched at its first
     * datagram, a handler finds this port active. It also keeps a one-shot command from starting a
     * DHT node just because the port exists.
     */
    @Reference(name = "handlers", service = DatagramHandler.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeHandler", updated = "updateHandler")
    void addHandler(ServiceReference<DatagramHandler> reference) {
        LazyHandler handler = lazy.computeIfAbsent(reference,
                ref -> new LazyHandler(() -> context.locateService("handlers", ref)));
        Object id = reference.getProperty(Constants.SERVICE_ID);
        handlers.add(handler, order(reference), id instanceof Long serviceId ? serviceId : Long.MAX_VALUE,
                name(reference));
    }

    void updateHandler(ServiceReference<DatagramHandler> reference) {
        addHandler(reference);
    }

    void removeHandler(ServiceReference<DatagramHandler> reference) {
        LazyHandler handler = lazy.remove(reference);
        if (handler != null) {
            handlers.remove(handler);
        }
    }

    /** The dispatch, for use without OSGi: handlers added there directly. */
    Handlers handlers() {
        return handlers;
    }

    private static String name(ServiceReference<?> reference) {
        Object name = reference.getProperty("component.name");
        return name != null ? name.toString() : "service " + reference.getProperty(Constants.SERVICE_ID);
    }

    /** A handler without a usable order is asked last, rather than ahead of a protocol it might shadow. */
    static int order(ServiceReference<?> reference) {
        Object order = reference.getProperty(DatagramHandler.ORDER);
        if (order instanceof Number number) {
            return number.intValue();
        }
        if (order instanceof String text) {
            try {
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                // falls through to last
            }
        }
        LOG.warn("UDP handler {} has no integer {} ({}): asked last", name(reference), DatagramHandler.ORDER, order);
        return Integer.MAX_VALUE;
    }
}
