package dev.shoal.engine.internal;

import dev.shoal.engine.api.PeerLookup;
import dev.shoal.engine.api.PeerSink;
import dev.shoal.engine.api.PeerSource;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.peer.api.SwarmService;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whiteboard's {@link PeerSource}s and the torrents that want peers from them. A torrent
 * subscribes while it runs; each source has one lookup per subscription, opened when either
 * arrives and closed when either goes. A source that throws is logged and skipped.
 */
final class PeerSources {

    private static final Logger LOG = LoggerFactory.getLogger(PeerSources.class);

    private final List<PeerSource> sources = new ArrayList<>();
    private final List<Subscription> subscriptions = new ArrayList<>();

    synchronized void add(PeerSource source) {
        sources.add(source);
        for (Subscription subscription : subscriptions) {
            subscription.open(source);
        }
    }

    synchronized void remove(PeerSource source) {
        sources.remove(source);
        for (Subscription subscription : subscriptions) {
            subscription.close(source);
        }
    }

    /**
     * Starts every source looking for {@code infoHash}'s peers; {@code found} hears each delivery
     * (source name, at most {@link PeerSink#MAX_PER_CALL} distinct addresses) on the source's thread,
     * and {@code wanted} answers {@link PeerSink#peersWanted()} there.
     */
    synchronized Subscription subscribe(InfoHash infoHash, int listenPort,
            BiConsumer<String, List<InetSocketAddress>> found, IntSupplier wanted) {
        Subscription subscription = new Subscription(infoHash, listenPort, found, wanted);
        subscriptions.add(subscription);
        for (PeerSource source : sources) {
            subscription.open(source);
        }
        return subscription;
    }

    private synchronized void unsubscribe(Subscription subscription) {
        if (subscriptions.remove(subscription)) {
            for (PeerSource source : List.copyOf(subscription.lookups.keySet())) {
                subscription.close(source);
            }
        }
    }

    /** One torrent run's lookups, one per source. Closing it closes them all. */
    final class Subscription implements AutoCloseable {

        private final InfoHash infoHash;
        private final int listenPort;
        private final BiConsumer<String, List<InetSocketAddress>> found;
        private final IntSupplier wanted;
        /** Each source's lookup (null when it gave none) and the sink it delivers to. */
        private final Map<PeerSource, Opened> lookups = new IdentityHashMap<>();

        private Subscription(InfoHash infoHash, int listenPort, BiConsumer<String, List<InetSocketAddress>> found,
                IntSupplier wanted) {
            this.infoHash = infoHash;
            this.listenPort = listenPort;
            this.found = found;
            this.wanted = wanted;
        }

        private void open(PeerSource source) {
            Sink sink = new Sink(source);
            try {
                lookups.put(source, new Opened(source.lookup(infoHash, listenPort, sink), sink));
            } catch (RuntimeException | LinkageError e) {
                sink.closed = true;
                LOG.warn("peer source {} failed to look up {}", nameOf(source), infoHash.hex(), e);
            }
        }

        private void close(PeerSource source) {
            Opened opened = lookups.remove(source);
            if (opened == null) {
                return;
            }
            opened.sink().closed = true;
            if (opened.lookup() != null) {
                try {
                    opened.lookup().close();
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn("peer source {} failed to close its lookup of {}", nameOf(source), infoHash.hex(), e);
                }
            }
        }

        @Override
        public void close() {
            unsubscribe(this);
        }

        private record Opened(PeerLookup lookup, Sink sink) {
        }

        /**
         * Delivers while its lookup is open (from the call of {@code lookup()} on, since a source may
         * deliver before it returns); after the close, a late delivery is dropped. Takes no lock: a
         * source calls it holding its own (the DHT's node lock), which it also takes when the engine
         * opens or closes a lookup under this class's lock.
         */
        private final class Sink implements PeerSink {

            private final PeerSource source;
            private volatile boolean closed;

            Sink(PeerSource source) {
                this.source = source;
            }

            @Override
            public void found(java.util.Collection<InetSocketAddress> peers) {
                if (peers == null || peers.isEmpty() || closed) {
                    return;
                }
                LinkedHashSet<InetSocketAddress> distinct = new LinkedHashSet<>();
                for (InetSocketAddress peer : peers) {
                    if (distinct.size() == MAX_PER_CALL) {
                        break;
                    }
                    if (peer != null && !peer.isUnresolved() && peer.getPort() > 0) {
                        distinct.add(peer);
                    }
                }
                if (!distinct.isEmpty()) {
                    found.accept(nameOf(source), List.copyOf(distinct));
                }
            }

            @Override
            public int peersWanted() {
                return closed ? 0 : Math.max(0, wanted.getAsInt());
            }
        }
    }

    /** What a torrent holding {@code connected} connections of its peer wire could still use. */
    static int wanted(SwarmService wire, int connected) {
        return Math.max(0, wire.connectionsPerTorrent() - connected);
    }

    private static String nameOf(PeerSource source) {
        try {
            return source.name();
        } catch (RuntimeException e) {
            return source.getClass().getName();
        }
    }
}
