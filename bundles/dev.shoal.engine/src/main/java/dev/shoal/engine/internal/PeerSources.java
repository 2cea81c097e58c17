package dev.shoal.engine.internal;

import dev.shoal.engine.api.PeerLookup;
import dev.shoal.engine.api.PeerSink;
import dev.shoal.engine.api.PeerSource;
import dev.shoal.metainfo.InfoHash;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
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
     * (source name, at most {@link PeerSink#MAX_PER_CALL} distinct addresses) on the source's thread.
     */
    synchronized Subscription subscribe(InfoHash infoHash, int listenPort,
            BiConsumer<String, List<InetSocketAddress>> found) {
        Subscription subscription = new Subscription(infoHash, listenPort, found);
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
        private final Map<PeerSource, PeerLookup> lookups = new IdentityHashMap<>();

        private Subscription(InfoHash infoHash, int listenPort, BiConsumer<String, List<InetSocketAddress>> found) {
            this.infoHash = infoHash;
            this.listenPort = listenPort;
            this.found = found;
        }

        private void open(PeerSource source) {
            Sink sink = new Sink(source);
            try {
                PeerLookup lookup = source.lookup(infoHash, listenPort, sink);
                if (lookup != null) {
                    sink.lookup = lookup;
                    lookups.put(source, lookup);
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("peer source {} failed to look up {}", nameOf(source), infoHash.hex(), e);
            }
        }

        private void close(PeerSource source) {
            PeerLookup lookup = lookups.remove(source);
            if (lookup != null) {
                try {
                    lookup.close();
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn("peer source {} failed to close its lookup of {}", nameOf(source), infoHash.hex(), e);
                }
            }
        }

        @Override
        public void close() {
            unsubscribe(this);
        }

        /** Delivers while its lookup is open; after the close, a late delivery is dropped. */
        private final class Sink implements PeerSink {

            private final PeerSource source;
            private volatile PeerLookup lookup;

            Sink(PeerSource source) {
                this.source = source;
            }

            @Override
            public void found(java.util.Collection<InetSocketAddress> peers) {
                if (peers == null || peers.isEmpty() || !isOpen()) {
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

            private boolean isOpen() {
                synchronized (PeerSources.this) {
                    // Before lookup() returned, the source may already deliver: open unless closed.
                    return lookup == null ? subscriptions.contains(Subscription.this)
                            : lookups.get(source) == lookup;
                }
            }
        }
    }

    private static String nameOf(PeerSource source) {
        try {
            return source.name();
        } catch (RuntimeException e) {
            return source.getClass().getName();
        }
    }
}
