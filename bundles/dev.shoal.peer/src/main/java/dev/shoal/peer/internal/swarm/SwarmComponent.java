package dev.shoal.peer.internal.swarm;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.api.MetadataFetch;
import dev.shoal.peer.api.MetadataListener;
import dev.shoal.peer.api.RateLimits;
import dev.shoal.peer.api.Swarm;
import dev.shoal.peer.api.SwarmListener;
import dev.shoal.peer.api.SwarmService;
import dev.shoal.peer.internal.codec.BlockPool;
import dev.shoal.peer.internal.codec.PieceFrame;
import dev.shoal.peer.internal.handler.LocalTorrent;
import dev.shoal.peer.internal.handler.PeerConnection;
import dev.shoal.peer.internal.net.AddressFamilies;
import dev.shoal.peer.internal.net.PeerAcceptor;
import dev.shoal.peer.internal.net.PeerConnector;
import dev.shoal.peer.internal.wire.PeerId;
import dev.shoal.storage.api.TorrentStorage;
import dev.shoal.support.net.Addresses;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SwarmService}: owns the listening socket, the dialler, the global limits and the timer
 * thread every swarm shares. Connection and dial limits, upload slots, the request queue, the ban
 * threshold, the snub time and the peer turnover change live ({@code @Modified}), as do the listen
 * address and port (the socket is bound again, open connections stay). Time-outs, size limits and
 * the bounds on handshakes are fixed per connection, so a half-applied change would mislead:
 * changing them restarts the component, which closes the connections as an update of the bundle
 * does (the engine re-dials its peers).
 */
@Component(service = SwarmService.class, configurationPid = SwarmComponent.PID)
@Designate(ocd = PeerConfig.class)
public final class SwarmComponent implements SwarmService {

    public static final String PID = "dev.shoal.peer";
    private static final Logger LOG = LoggerFactory.getLogger(SwarmComponent.class);

    /** Replaced by {@link #modified}; swarms read it at each use. */
    private volatile SwarmSettings settings;
    /** Which IP versions are listened for and dialled; replaced by {@link #modified}. */
    private volatile AddressFamilies families;
    private final PeerId peerId;
    private final PeerConnector connector;
    private final PeerAcceptor acceptor;
    private final ConnectionSlots slots;
    private final HalfOpen halfOpen;
    private final TokenBucket globalDownload = new TokenBucket(0, System.nanoTime());
    private final TokenBucket globalUpload = new TokenBucket(0, System.nanoTime());
    private final ScheduledExecutorService scheduler;
    private final ParkedConnections parked;
    /** Picking and choking draw often under the swarm's lock: a plain generator, seeded securely. */
    private final Random random = new Random(new SecureRandom().nextLong());
    private final Context context = new Context();
    /** Deactivates and activates this component again, for settings that cannot change live. */
    private final Runnable restart;

    @Activate
    public SwarmComponent(PeerConfig config, ComponentContext component) throws IOException {
        this(SwarmSettings.of(config, PeerId.generate(new SecureRandom())), AddressFamilies.parse(config.addressFamilies()),
                BlockPool.forSwarm(), true, () -> {
            String name = (String) component.getProperties().get(ComponentConstants.COMPONENT_NAME);
            component.disableComponent(name);
            component.enableComponent(name);
        });
    }

    /** A service with these settings that fails when the configured port is taken. */
    public SwarmComponent(SwarmSettings settings) throws IOException {
        this(settings, BlockPool.forSwarm());
    }

    /** As above, received blocks decoded into buffers from {@code blocks} (tests poison released ones). */
    SwarmComponent(SwarmSettings settings, BlockPool blocks) throws IOException {
        this(settings, AddressFamilies.BOTH, blocks, false, () -> { });
    }

    private SwarmComponent(SwarmSettings settings, AddressFamilies families, BlockPool blocks,
            boolean fallBackOnTakenPort, Runnable restart) throws IOException {
        this.settings = settings;
        this.families = families;
        this.restart = restart;
        this.peerId = settings.wire().peerId();
        this.slots = new ConnectionSlots(settings.connectionsTotal());
        this.halfOpen = new HalfOpen(settings.halfOpen());
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = Executors.defaultThreadFactory().newThread(runnable);
            thread.setName("shoal-swarm-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        this.scheduler = timer;
        this.parked = new ParkedConnections(timer);
        this.connector = new PeerConnector(settings.wire(), blocks);
        this.acceptor = new PeerAcceptor(settings.wire(), blocks);
        try {
            acceptor.bindFirstFree(settings.listenHost(), families, settings.port(), fallBackOnTakenPort);
            logListening();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Applies what can change live. A change of time-outs or size limits restarts the component
     * instead (see the class comment).
     */
    @Modified
    void modified(PeerConfig config) {
        SwarmSettings changed = SwarmSettings.of(config, peerId);
        SwarmSettings was = settings;
        if (!changed.wire().equals(was.wire())) {
            LOG.info("peer wire time-outs or size limits changed: restarting the peer wire");
            restart.run();
            return;
        }
        AddressFamilies wasFamilies = families;
        families = AddressFamilies.parse(config.addressFamilies());
        if (families != wasFamilies) {
            rebind(changed);
        }
        apply(changed);
        LOG.info("peer settings applied live: {} connections per torrent, {} in total, {} upload slots, ban after {}"
                + " hash failures, snubbed after {} s, {} requests queued per peer, dials {}, turnover {}",
                changed.connectionsPerTorrent(), changed.connectionsTotal(), changed.uploadSlots(),
                changed.banAfterHashFailures(), changed.snubTime().toSeconds(), changed.maxPeerRequests(),
                changed.halfOpen(), changed.turnover());
    }

    /** Takes {@code changed} live: limits at once, a new address or port by binding again. */
    void apply(SwarmSettings changed) {
        SwarmSettings was = settings;
        settings = changed;
        slots.setLimit(changed.connectionsTotal());
        halfOpen.setBounds(changed.halfOpen());
        if (!changed.listenHost().equals(was.listenHost()) || changed.port() != was.port()) {
            rebind(changed);
        }
    }

    private void rebind(SwarmSettings changed) {
        try {
            acceptor.rebind(changed.listenHost(), families, changed.port());
            logListening();
        } catch (IOException e) {
            LOG.warn("{}; still listening on port {}", e.getMessage(), listenPort());
        }
    }

    @Deactivate
    public void close() {
        parked.close();
        acceptor.close();
        connector.close();
        scheduler.shutdownNow();
    }

    @Override
    public byte[] peerId() {
        return peerId.bytes();
    }

    @Override
    public int listenPort() {
        InetSocketAddress address = acceptor.localAddress();
        return address == null ? 0 : address.getPort();
    }

    /** The buffers the swarms upload from (tests count what comes back). */
    BlockPool sendBuffers() {
        return context.sendBuffers();
    }

    @Override
    public InetAddress listenAddress() {
        InetSocketAddress address = acceptor.localAddress();
        return address == null ? null : address.getAddress();
    }

    @Override
    public int connectionsPerTorrent() {
        return settings.connectionsPerTorrent();
    }

    @Override
    public void listen(int port) throws IOException {
        acceptor.rebind(settings.listenHost(), families, port);
        logListening();
    }

    private void logListening() {
        LOG.info("listening for peers on {}{}", Addresses.format(acceptor.localAddress()),
                AddressFamilies.isEveryInterface(settings.listenHost()) ? " (" + families.describe() + ")" : "");
    }

    @Override
    public Swarm join(Metainfo torrent, TorrentStorage storage, SwarmListener listener) {
        TorrentSwarm swarm = new TorrentSwarm(torrent, storage, listener, context, peerId, Clock.SYSTEM, random);
        // A magnet's metadata fetch left its connections for this swarm: it goes on with them, dialling nobody.
        Handoff handoff = parked.take(torrent.infoHash());
        if (handoff != null) {
            swarm.adopt(handoff);
        }
        return swarm;
    }

    @Override
    public MetadataFetch fetchMetadata(InfoHash infoHash, MetadataListener listener) {
        return new MetadataFetchSession(infoHash, listener, context, settings.maxMetadataSize(), Clock.SYSTEM);
    }

    @Override
    public void setGlobalRateLimits(RateLimits limits) {
        long now = System.nanoTime();
        globalDownload.setRate(limits.downloadBytesPerSecond(), now);
        globalUpload.setRate(limits.uploadBytesPerSecond(), now);
    }

    @Override
    public RateLimits globalRateLimits() {
        return new RateLimits(globalDownload.rate(), globalUpload.rate());
    }

    /** What the swarms share, as they see it. */
    private final class Context implements SwarmContext {

        private final BlockPool sendBuffers = PieceFrame.pool();

        @Override
        public SwarmSettings settings() {
            return settings;
        }

        @Override
        public int listenPort() {
            return SwarmComponent.this.listenPort();
        }

        @Override
        public AddressFamilies families() {
            return families;
        }

        @Override
        public CompletableFuture<PeerConnection> connect(InetSocketAddress address, LocalTorrent torrent) {
            return connector.connect(address, torrent);
        }

        @Override
        public void register(LocalTorrent torrent) {
            acceptor.register(torrent);
        }

        @Override
        public void unregister(LocalTorrent torrent) {
            acceptor.unregister(torrent);
        }

        @Override
        public ConnectionSlots slots() {
            return slots;
        }

        @Override
        public ParkedConnections parked() {
            return parked;
        }

        @Override
        public HalfOpen halfOpen() {
            return halfOpen;
        }

        @Override
        public TokenBucket globalDownload() {
            return globalDownload;
        }

        @Override
        public TokenBucket globalUpload() {
            return globalUpload;
        }

        @Override
        public ScheduledExecutorService scheduler() {
            return scheduler;
        }

        @Override
        public BlockPool sendBuffers() {
            return sendBuffers;
        }
    }
}
