package dev.shoal.dht.internal;

import dev.shoal.dht.api.Dht;
import dev.shoal.dht.api.DhtStatus;
import dev.shoal.dht.internal.node.BootstrapNames;
import dev.shoal.dht.internal.node.DhtNode;
import dev.shoal.dht.internal.node.DhtState;
import dev.shoal.dht.internal.node.NodeSettings;
import dev.shoal.dht.internal.node.NodeStatus;
import dev.shoal.dht.internal.node.StateFile;
import dev.shoal.dht.internal.routing.NodeId;
import dev.shoal.engine.api.PeerLookup;
import dev.shoal.engine.api.PeerSink;
import dev.shoal.engine.api.PeerSource;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.udp.api.DatagramHandler;
import dev.shoal.udp.api.UdpPort;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.BundleContext;
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
 * Shoal's DHT node on the shared UDP port: claims the bencoded datagrams, finds and announces the
 * peers of every public torrent the engine asks about ({@link PeerSource} "dht"), keeps its id and
 * good nodes in {@code <data dir>/dht.dat}, and shows its figures as the {@link Dht} service and
 * {@code shoal:dht}.
 *
 * <p>Delayed: the node starts when the engine takes its peer sources (or {@code shoal:dht} asks), so a
 * one-shot command such as {@code shoal info} never joins the DHT.
 */
@Component(configurationPid = DhtComponent.PID,
        service = {DatagramHandler.class, PeerSource.class, Dht.class, DhtComponent.class},
        property = {DatagramHandler.ORDER + ":Integer=" + DatagramHandler.ORDER_DHT,
            "osgi.command.scope=shoal", "osgi.command.function=dht"})
@Designate(ocd = DhtComponent.Config.class)
public final class DhtComponent implements DatagramHandler, PeerSource, Dht {

    public static final String PID = "dev.shoal.dht";
    static final String DATA_DIR_PROPERTY = "shoal.data.dir";
    private static final Logger LOG = Logger.getLogger(DhtComponent.class.getName());

    @ObjectClassDefinition(name = "Shoal DHT", description = "The mainline DHT (BEP 5, 32, 42) on Shoal's UDP port.")
    public @interface Config {

        @AttributeDefinition(name = "Enabled", description = "Off: no datagram is answered and no torrent looked up.")
        boolean enabled() default true;

        @AttributeDefinition(name = "Bootstrap nodes", description = "host:port, asked when the saved nodes are not enough.")
        String[] bootstrapNodes() default {"router.bittorrent.com:6881", "dht.transmissionbt.com:6881",
            "router.utorrent.com:6881", "dht.libtorrent.org:25401"};

        @AttributeDefinition(name = "Save interval (s)", description = "How often dht.dat is written (and at stop).",
                min = "10")
        int saveIntervalSeconds() default 600;
    }

    /**
     * Dynamic and optional: the port's handler whiteboard asks for this component's
     * DatagramHandler while the port activates, so a static reference back would be a cycle.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile UdpPort port;
    private final Path stateFile;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "shoal-dht");
        t.setDaemon(true);
        return t;
    });
    /** Bootstrap names are resolved here: a slow or absent DNS server never holds up the node's ticks. */
    private final ScheduledExecutorService resolving = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "shoal-dht-resolver");
        t.setDaemon(true);
        return t;
    });
    private final BootstrapNames.Resolver resolver;
    /** The current configuration's names and their next resolution; only touched on the timer thread. */
    private BootstrapNames bootstrapNames;
    private ScheduledFuture<?> names;
    private volatile DhtNode node;
    private volatile Config config;
    private long lastSave = System.currentTimeMillis();
    /** The node's next tick; guarded by {@code this}. The node sleeps until its next work is due. */
    private ScheduledFuture<?> nextTick;
    /** When {@link #nextTick} runs (wall clock ms); read without the lock to keep datagrams cheap. */
    private volatile long nextTickAt = Long.MAX_VALUE;

    @Activate
    public DhtComponent(BundleContext context, Config config) {
        this(context, config, InetAddress::getAllByName);
    }

    /** With {@code resolver} for the bootstrap names (tests: a name that fails, then answers). */
    DhtComponent(BundleContext context, Config config, BootstrapNames.Resolver resolver) {
        this.resolver = resolver;
        String dataDir = context.getProperty(DATA_DIR_PROPERTY);
        this.stateFile = dataDir == null ? null : Path.of(dataDir, "dht.dat");
        this.config = config;
        timer.execute(this::apply);
    }

    @Modified
    void modified(Config changed) {
        this.config = changed;
        timer.execute(this::apply);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        resolving.shutdownNow();
        timer.submit(this::save);
        timer.shutdown();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        node = null; // datagrams still offered until the port drops us are left to others
    }

    /** Starts or stops the node as configured, then has the bootstrap nodes resolved (and again, while needed). */
    private void apply() {
        Config c = config;
        if (names != null) {
            names.cancel(false);
            names = null;
        }
        bootstrapNames = null;
        if (!c.enabled()) {
            save();
            node = null;
            return;
        }
        if (node == null) {
            node = new DhtNode(NodeSettings.DEFAULT, this::send,
                    System::currentTimeMillis, new SecureRandom(), load());
        }
        bootstrapNames = new BootstrapNames(c.bootstrapNodes(), resolver, node);
        resolveNames(bootstrapNames, 0);
        wakeTick(0);
    }

    /** Resolves the bootstrap names when due, each time scheduling the next look (on the timer thread). */
    private void resolveNames(BootstrapNames these, long delayMillis) {
        names = resolving.schedule(() -> {
            long next = BootstrapNames.JOINED_CHECK_MILLIS;
            try {
                if (these.resolveDue()) {
                    wakeTick(0); // new routers: the bootstrap tries them now
                }
                next = these.nextDueAt() - System.currentTimeMillis();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "DHT bootstrap names not resolved", e);
            }
            long delay = Math.max(next, 1_000);
            try {
                timer.execute(() -> {
                    if (bootstrapNames == these) { // not replaced by a configuration change meanwhile
                        resolveNames(these, delay);
                    }
                });
            } catch (RejectedExecutionException e) {
                // deactivated
            }
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Has the node tick within {@code delayMillis} (sooner if it is due sooner already). */
    private void wakeTick(long delayMillis) {
        long at = System.currentTimeMillis() + delayMillis;
        if (nextTickAt <= at) {
            return; // the common case for a datagram: a tick is near already
        }
        synchronized (this) {
            if (nextTickAt <= at || timer.isShutdown()) {
                return;
            }
            if (nextTick != null) {
                nextTick.cancel(false);
            }
            try {
                nextTick = timer.schedule(this::tick, delayMillis, TimeUnit.MILLISECONDS);
                nextTickAt = at;
            } catch (RejectedExecutionException e) {
                nextTick = null; // deactivated meanwhile
            }
        }
    }

    private void send(InetSocketAddress to, byte[] datagram) {
        UdpPort p = port;
        if (p != null) {
            p.send(to, ByteBuffer.wrap(datagram));
        }
    }

    private DhtState load() {
        try {
            return stateFile == null ? null : StateFile.read(stateFile);
        } catch (IOException e) {
            LOG.warning("DHT state not read, starting afresh: " + e.getMessage());
            return null;
        }
    }

    /** Moves the node along, saves when due, then sleeps until the node's next work or the next save. */
    private void tick() {
        synchronized (this) {
            nextTick = null;
            nextTickAt = Long.MAX_VALUE;
        }
        DhtNode n = node;
        if (n == null) {
            return;
        }
        long saveAt = lastSave + config.saveIntervalSeconds() * 1000L;
        long next = System.currentTimeMillis() + DhtNode.IDLE_TICK_MILLIS;
        try {
            n.tick();
            if (System.currentTimeMillis() >= saveAt) {
                save();
                saveAt = lastSave + config.saveIntervalSeconds() * 1000L;
            }
            next = Math.min(n.nextTickAt(), saveAt);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "DHT tick failed", e);
        }
        wakeTick(Math.max(0, next - System.currentTimeMillis()));
    }

    private void save() {
        DhtNode n = node;
        lastSave = System.currentTimeMillis();
        if (n == null || stateFile == null) {
            return;
        }
        try {
            Files.createDirectories(stateFile.getParent());
            StateFile.write(stateFile, n.state());
        } catch (IOException e) {
            LOG.warning("DHT state not saved: " + e.getMessage());
        }
    }

    // ---- DatagramHandler

    @Override
    public boolean handle(InetSocketAddress from, ByteBuffer datagram) {
        DhtNode n = node;
        if (n == null || datagram.remaining() <= 20 || datagram.get(datagram.position()) != 'd') {
            return false;
        }
        byte[] copy = new byte[datagram.remaining()];
        datagram.duplicate().get(copy);
        n.receive(from, copy);
        wakeTick(DhtNode.BUSY_TICK_MILLIS); // what it said may have made work due: answers, nodes to search with
        return true;
    }

    // ---- PeerSource

    @Override
    public String name() {
        return "dht";
    }

    @Override
    public PeerLookup lookup(InfoHash infoHash, int listenPort, PeerSink sink) {
        DhtNode n = node;
        if (n == null) {
            return () -> { };
        }
        // BEP 52: a v2 torrent is found in the DHT under its info-hash truncated to 20 bytes.
        NodeId target = NodeId.of(Arrays.copyOf(infoHash.bytes(), NodeId.LENGTH));
        wakeTick(DhtNode.BUSY_TICK_MILLIS); // its lookups start at once; their queries time out on ticks
        return n.searches().add(target, listenPort, sink::peersWanted, peers -> sink.found(
                peers.size() > PeerSink.MAX_PER_CALL ? peers.subList(0, PeerSink.MAX_PER_CALL) : peers))::close;
    }

    // ---- Dht and shoal:dht

    @Override
    public DhtStatus status() {
        DhtNode n = node;
        return n == null ? DhtStatus.OFF : status(n.status());
    }

    private static DhtStatus status(NodeStatus s) {
        return new DhtStatus(s.id(), s.good4(), s.dubious4(), s.good6(), s.dubious6(), s.incomingQueries(),
                s.lookupsRunning(), s.torrentsAnnounced(), s.health());
    }

    /**
     * The node's id, nodes per family, queries seen, lookups, torrents and a health word: the
     * {@link #status()} figures, and those only an operator needs (drops, stored peers).
     */
    public String dht() {
        DhtNode n = node;
        if (n == null) {
            return "DHT disabled";
        }
        NodeStatus s = n.status();
        DhtStatus d = status(s);
        return String.join("\n",
                "DHT " + d.health() + "  node id " + d.nodeId() + "  " + portText(),
                String.format("IPv4 nodes: %d good, %d dubious; IPv6 nodes: %d good, %d dubious",
                        d.goodIpv4(), d.dubiousIpv4(), d.goodIpv6(), d.dubiousIpv6()),
                String.format("incoming queries %d (%d dropped by the rate limit, %d malformed datagrams)",
                        d.incomingQueries(), s.droppedQueries(), s.malformed()),
                String.format("lookups running %d; torrents searched %d, announced %d; queries in flight %d",
                        d.lookupsRunning(), s.torrentsSearched(), d.announcedTorrents(), s.transactions()),
                String.format("stored for others: %d torrents, %d peers", s.storedTorrents(), s.storedPeers()));
    }

    private String portText() {
        UdpPort p = port;
        return p == null ? "no UDP port yet" : "port " + p.port();
    }

    /** For tests: the running node, or null when disabled. */
    DhtNode node() {
        return node;
    }
}
