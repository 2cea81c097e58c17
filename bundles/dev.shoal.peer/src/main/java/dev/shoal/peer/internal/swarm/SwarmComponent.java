package dev.shoal.peer.internal.swarm;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.api.MetadataFetch;
import dev.shoal.peer.api.MetadataListener;
import dev.shoal.peer.api.RateLimits;
import dev.shoal.peer.api.Swarm;
import dev.shoal.peer.api.SwarmListener;
import dev.shoal.peer.api.SwarmService;
import dev.shoal.peer.internal.codec.WireLimits;
import dev.shoal.peer.internal.handler.LocalTorrent;
import dev.shoal.peer.internal.handler.PeerConnection;
import dev.shoal.peer.internal.handler.WireTimeouts;
import dev.shoal.peer.internal.net.PeerAcceptor;
import dev.shoal.peer.internal.net.PeerConnector;
import dev.shoal.peer.internal.net.PeerWireSettings;
import dev.shoal.peer.internal.wire.PeerId;
import dev.shoal.peer.internal.wire.Reserved;
import dev.shoal.storage.api.TorrentStorage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
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
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SwarmService}: owns the listening socket, the dialler, the global limits and the timer
 * thread every swarm shares. Connection limits, upload slots, the ban threshold and the snub time
 * change live ({@code @Modified}), as do the listen address and port (the socket is bound again, open
 * connections stay). Time-outs and size limits are fixed per connection, so a half-applied change
 * would mislead: changing them restarts the component, which closes the connections as an update
 * of the bundle does (the engine re-dials its peers).
 */
@Component(service = SwarmService.class, configurationPid = SwarmComponent.PID)
@Designate(ocd = SwarmComponent.Config.class)
public final class SwarmComponent implements SwarmService {

    public static final String PID = "dev.shoal.peer";
    private static final Logger LOG = LoggerFactory.getLogger(SwarmComponent.class);

    @ObjectClassDefinition(name = "Shoal peers",
            description = "BitTorrent peer connections: where to listen, limits, time-outs.")
    public @interface Config {

        @AttributeDefinition(name = "Listen address", description = "0.0.0.0 for every interface.")
        String listenAddress() default "0.0.0.0";

        @AttributeDefinition(name = "Listen port",
                description = "0 picks a free port. When the port is taken, the next free one is used.",
                min = "0", max = "65535")
        int port() default 6881;

        @AttributeDefinition(name = "Connections per torrent", min = "1")
        int connectionsPerTorrent() default 50;

        @AttributeDefinition(name = "Connections in total", min = "1")
        int connectionsTotal() default 200;

        @AttributeDefinition(name = "Upload slots per torrent",
                description = "Peers unchoked at once, the optimistic unchoke included.", min = "1")
        int uploadSlots() default 8;

        @AttributeDefinition(name = "Ban after hash failures",
                description = "A peer that sent data for this many pieces that failed their hash is banned.",
                min = "1")
        int banAfterHashFailures() default 3;

        @AttributeDefinition(name = "Keep-alive (s)", description = "Sent after this long without sending.", min = "1")
        int keepAliveSeconds() default 120;

        @AttributeDefinition(name = "Receive time-out (s)",
                description = "A peer silent for this long is disconnected.", min = "1")
        int receiveTimeoutSeconds() default 180;

        @AttributeDefinition(name = "Connect time-out (ms)", min = "1")
        int connectTimeoutMillis() default 10_000;

        @AttributeDefinition(name = "Snub time (s)",
                description = "A peer that sends nothing for this long although asked is snubbed.", min = "1")
        int snubSeconds() default 60;

        @AttributeDefinition(name = "Largest request (bytes)",
                description = "Requests above this are a protocol error.", min = "16384")
        int maxRequestLength() default 128 * 1024;

        @AttributeDefinition(name = "Largest frame (bytes)", description = "Any message, e.g. extension messages.",
                min = "16393")
        int maxFrameLength() default 1024 * 1024 + 13;

        @AttributeDefinition(name = "Largest metadata (bytes)",
                description = "A magnet link's info dictionary larger than this, as a peer states it, is refused.",
                min = "1")
        int maxMetadataSize() default 30 * 1024 * 1024;
    }

    /** Ports tried after the configured one when it is taken, before any free port. */
    private static final int PORT_FALLBACKS = 10;

    /** The cap on a fetched info dictionary; read when a fetch starts. */
    private volatile int maxMetadataSize = 30 * 1024 * 1024;
    /** Replaced by {@link #modified}; swarms read it at each use. */
    private volatile SwarmSettings settings;
    private final PeerId peerId;
    private final PeerConnector connector;
    private final PeerAcceptor acceptor;
    private final ConnectionSlots slots;
    private final TokenBucket globalDownload = new TokenBucket(0, System.nanoTime());
    private final TokenBucket globalUpload = new TokenBucket(0, System.nanoTime());
    private final ScheduledExecutorService scheduler;
    /** Picking and choking draw often under the swarm's lock: a plain generator, seeded securely. */
    private final Random random = new Random(new SecureRandom().nextLong());
    private final Context context = new Context();
    /** Deactivates and activates this component again, for settings that cannot change live. */
    private final Runnable restart;

    @Activate
    public SwarmComponent(Config config, ComponentContext component) throws IOException {
        this(settingsOf(config, PeerId.generate(new SecureRandom())), true, () -> {
            String name = (String) component.getProperties().get(ComponentConstants.COMPONENT_NAME);
            component.disableComponent(name);
            component.enableComponent(name);
        });
        this.maxMetadataSize = config.maxMetadataSize();
    }

    /** A service with these settings that fails when the configured port is taken. */
    public SwarmComponent(SwarmSettings settings) throws IOException {
        this(settings, false, () -> { });
    }

    private SwarmComponent(SwarmSettings settings, boolean fallBackOnTakenPort, Runnable restart)
            throws IOException {
        this.settings = settings;
        this.restart = restart;
        this.peerId = settings.wire().peerId();
        this.slots = new ConnectionSlots(settings.connectionsTotal());
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = Executors.defaultThreadFactory().newThread(runnable);
            thread.setName("shoal-swarm-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        this.scheduler = timer;
        this.connector = new PeerConnector(settings.wire());
        this.acceptor = new PeerAcceptor(settings.wire());
        try {
            bindFirstFree(settings.listenHost(), settings.port(), fallBackOnTakenPort);
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
    void modified(Config config) {
        SwarmSettings changed = settingsOf(config, peerId);
        SwarmSettings was = settings;
        if (!changed.wire().equals(was.wire())) {
            LOG.info("peer wire time-outs or size limits changed: restarting the peer wire");
            restart.run();
            return;
        }
        apply(changed);
        maxMetadataSize = config.maxMetadataSize();
        LOG.info("peer settings applied live: {} connections per torrent, {} in total, {} upload slots, ban after {}"
                + " hash failures, snubbed after {} s", changed.connectionsPerTorrent(), changed.connectionsTotal(),
                changed.uploadSlots(), changed.banAfterHashFailures(), changed.snubTime().toSeconds());
    }

    /** Takes {@code changed} live: limits at once, a new address or port by binding again. */
    void apply(SwarmSettings changed) {
        SwarmSettings was = settings;
        settings = changed;
        slots.setLimit(changed.connectionsTotal());
        if (!changed.listenHost().equals(was.listenHost()) || changed.port() != was.port()) {
            try {
                listen(changed.listenHost(), changed.port());
            } catch (IOException e) {
                LOG.warn("{}; still listening on port {}", e.getMessage(), listenPort());
            }
        }
    }

    private static SwarmSettings settingsOf(Config config, PeerId peerId) {
        PeerWireSettings wire = new PeerWireSettings(peerId,
                Reserved.NONE.withFastExtension(true).withExtensionProtocol(true),
                new WireTimeouts(config.keepAliveSeconds(), config.receiveTimeoutSeconds()),
                new WireLimits(WireLimits.BLOCK_LENGTH, config.maxRequestLength(), config.maxFrameLength(),
                        WireLimits.UNKNOWN_PIECE_COUNT),
                config.connectTimeoutMillis());
        SwarmSettings defaults = SwarmSettings.defaults(wire);
        return new SwarmSettings(wire, config.listenAddress(), config.port(), config.connectionsPerTorrent(),
                config.connectionsTotal(), config.uploadSlots(), defaults.queueTime(), defaults.minQueueDepth(),
                defaults.maxQueueDepth(), defaults.maxPeerRequests(), Duration.ofSeconds(config.snubSeconds()),
                config.banAfterHashFailures(), defaults.maxCandidates());
    }

    private void bindFirstFree(String host, int port, boolean fallBack) throws IOException {
        try {
            acceptor.bind(new InetSocketAddress(host, port));
            return;
        } catch (IOException e) {
            if (!fallBack || port == 0) {
                throw new IOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
            }
        }
        for (int next = port + 1; next <= Math.min(65535, port + PORT_FALLBACKS); next++) {
            try {
                acceptor.bind(new InetSocketAddress(host, next));
                LOG.warn("port {} is taken; listening on {}", port, next);
                return;
            } catch (IOException e) {
                // taken as well: try the next
            }
        }
        acceptor.bind(new InetSocketAddress(host, 0));
        LOG.warn("ports {}..{} are taken; listening on {}", port, port + PORT_FALLBACKS, listenPort());
    }

    @Deactivate
    public void close() {
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

    @Override
    public void listen(int port) throws IOException {
        listen(settings.listenHost(), port);
    }

    private synchronized void listen(String host, int port) throws IOException {
        if (port < 0 || port > 65535) {
            throw new IOException("port out of range 0..65535: " + port);
        }
        InetSocketAddress old = acceptor.localAddress();
        InetSocketAddress wanted = new InetSocketAddress(host, port);
        if (old != null && old.getPort() == port && old.getAddress().equals(wanted.getAddress())) {
            return;
        }
        acceptor.unbind();
        try {
            acceptor.bind(wanted);
        } catch (IOException e) {
            if (old != null) {
                acceptor.bind(old);
            }
            throw new IOException("cannot listen on port " + port + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Swarm join(Metainfo torrent, TorrentStorage storage, SwarmListener listener) {
        return new TorrentSwarm(torrent, storage, listener, context, peerId, Clock.SYSTEM, random);
    }

    @Override
    public MetadataFetch fetchMetadata(InfoHash infoHash, MetadataListener listener) {
        return new MetadataFetchSession(infoHash, listener, context, maxMetadataSize, Clock.SYSTEM);
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

        @Override
        public SwarmSettings settings() {
            return settings;
        }

        @Override
        public int listenPort() {
            return SwarmComponent.this.listenPort();
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
    }
}
