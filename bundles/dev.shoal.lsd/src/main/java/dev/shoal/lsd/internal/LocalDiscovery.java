package dev.shoal.lsd.internal;

import dev.shoal.engine.api.PeerLookup;
import dev.shoal.engine.api.PeerSink;
import dev.shoal.metainfo.InfoHash;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local service discovery without OSGi: the torrents looked up, when they are announced, and the
 * {@link LsdLoop} that announces them and routes what it hears to their sinks. {@link #lookup} and
 * {@link PeerLookup#close()} only touch maps and wake the loop, so they never block the engine.
 */
final class LocalDiscovery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalDiscovery.class);

    /** Torrents that start within this of each other share a message. */
    private static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    /** Per source address: 10 announces at once, then one each 6 s (BEP 14 clients send one a minute). */
    private static final int SOURCE_BURST = 10;
    private static final long SOURCE_REFILL_NANOS = TimeUnit.SECONDS.toNanos(6);
    private static final int MAX_SOURCES = 256;
    /** How often the interfaces are looked at again (a send that fails looks at once). */
    private static final Duration RESCAN = Duration.ofSeconds(60);

    private final AnnounceSchedule schedule;
    private final InterfaceChoice.Source interfaces;
    private final Supplier<InetAddress> listening;
    private final Duration rescan;
    /** Ours: 8 hex digits, so that our own announces, looped back to us, are dropped. */
    private final String cookie = String.format("%08x", new SecureRandom().nextInt());
    private final Map<InfoHash, List<Lookup>> lookups = new ConcurrentHashMap<>();
    /** Volatile: the engine's lookups wake it without taking the lock a reconfiguration holds. */
    private volatile LsdLoop loop;

    /** @param listening the peer wire's listening address, asked at each rescan (null: every interface) */
    LocalDiscovery(LsdSettings settings, Supplier<InetAddress> listening) {
        this(settings, InterfaceChoice.Source.system(), listening, RESCAN);
    }

    /** With the interfaces listed by {@code interfaces}, looked at again every {@code rescan}. */
    LocalDiscovery(LsdSettings settings, InterfaceChoice.Source interfaces, Supplier<InetAddress> listening,
            Duration rescan) {
        this.schedule = new AnnounceSchedule(SETTLE_NANOS, settings.interval().toNanos());
        this.interfaces = interfaces;
        this.listening = listening;
        this.rescan = rescan;
        reconfigure(settings);
    }

    /** Reopens the sockets as {@code settings} say; the torrents stay, and keep their schedule. */
    synchronized void reconfigure(LsdSettings settings) {
        schedule.setInterval(settings.interval().toNanos());
        if (loop != null) {
            loop.close();
            loop = null;
        }
        if (!settings.enabled()) {
            LOG.info("LSD: disabled");
            return;
        }
        List<MulticastChannels.Group> groups = new ArrayList<>();
        if (settings.ipv4()) {
            groups.add(MulticastChannels.Group.V4);
        }
        if (settings.ipv6()) {
            groups.add(MulticastChannels.Group.V6);
        }
        try {
            loop = new LsdLoop(new MulticastChannels(groups, settings.groupPort()),
                    new InterfaceChoice(settings.interfaces(), interfaces, listening), rescan.toNanos(), schedule, cookie,
                    settings.groupPort(), new Routing(),
                    new SourceLimiter(SOURCE_BURST, SOURCE_REFILL_NANOS, MAX_SOURCES, System.nanoTime()));
        } catch (IOException e) {
            LOG.warn("LSD: cannot start: {}", e.toString());
        }
    }

    String cookie() {
        return cookie;
    }

    PeerLookup lookup(InfoHash infoHash, int listenPort, PeerSink sink) {
        InfoHash key = infoHash.truncated();
        Lookup lookup = new Lookup(key, listenPort, sink);
        lookups.compute(key, (k, list) -> {
            List<Lookup> all = list == null ? new CopyOnWriteArrayList<>() : list;
            all.add(lookup);
            return all;
        });
        if (listenPort > 0 && listenPort <= 0xFFFF) {
            schedule.add(key, listenPort, System.nanoTime());
            wakeup();
        }
        return lookup;
    }

    /** Routes what the loop hears to the sinks of the torrents it names. */
    private final class Routing implements LsdLoop.Heard {

        @Override
        public boolean wants(Announcement announcement) {
            return announcement.infoHashes().stream().anyMatch(lookups::containsKey);
        }

        @Override
        public void heard(InetAddress source, Announcement announcement) {
            List<InetSocketAddress> peer = List.of(new InetSocketAddress(source, announcement.port()));
            for (InfoHash hash : announcement.infoHashes()) {
                List<Lookup> interested = lookups.get(hash);
                if (interested != null) {
                    LOG.debug("LSD: {} announces {}", peer.get(0), hash.hex());
                    interested.forEach(lookup -> lookup.sink.found(peer));
                }
            }
        }
    }

    /** The peer wire came, went or moved: the interfaces are chosen again at once. */
    void listeningChanged() {
        LsdLoop current = loop;
        if (current != null) {
            current.rescanNow();
        }
    }

    private void wakeup() {
        LsdLoop current = loop;
        if (current != null) {
            current.wakeup();
        }
    }

    @Override
    public synchronized void close() {
        if (loop != null) {
            loop.close();
            loop = null;
        }
    }

    /** One torrent's lookup: announced and listened for until closed. */
    private final class Lookup implements PeerLookup {
        private final InfoHash key;
        private final int listenPort;
        private final PeerSink sink;
        private boolean closed;

        Lookup(InfoHash key, int listenPort, PeerSink sink) {
            this.key = key;
            this.listenPort = listenPort;
            this.sink = sink;
        }

        @Override
        public void close() {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            lookups.computeIfPresent(key, (k, list) -> {
                list.remove(this);
                return list.isEmpty() ? null : list;
            });
            if (listenPort > 0 && listenPort <= 0xFFFF) {
                schedule.remove(key, listenPort);
            }
        }
    }
}
