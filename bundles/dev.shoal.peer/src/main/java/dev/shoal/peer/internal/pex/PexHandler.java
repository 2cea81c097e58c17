package dev.shoal.peer.internal.pex;

import dev.shoal.peer.internal.extension.ExtensionException;
import dev.shoal.peer.internal.extension.ExtensionHandler;
import dev.shoal.peer.internal.extension.ExtensionPayloads;
import dev.shoal.peer.internal.extension.ExtensionPeer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BEP 11 peer exchange for one torrent (never a private one: the swarm does not register it then).
 *
 * <p>Sending: {@link #tick} gives each peer that speaks ut_pex, at most once per
 * {@link #SEND_INTERVAL_MILLIS}, the peers we are connected to now (their listen addresses) less
 * what we already told it, and those we told it of that are gone; at most {@link #MAX_ADDED} added
 * and as many dropped per message, the rest in the next one. The first message goes out on the first
 * tick after its handshake, so a newcomer learns the swarm at once.
 *
 * <p>Receiving: a peer's message more than one per {@link #MIN_RECEIVE_INTERVAL_MILLIS} is ignored
 * unread; of a message, at most {@link #MAX_ADDED} added peers are read, deduplicated, our own
 * address left out, and handed to the swarm, whose candidates skip what they know. A malformed
 * message is ignored with a debug line: one odd PEX message is no reason to lose a peer that sends data.
 */
public final class PexHandler implements ExtensionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(PexHandler.class);
    /** BEP 11 and libtorrent: one message a minute. */
    public static final long SEND_INTERVAL_MILLIS = 60_000;
    /** Below a minute, for a sender whose timer runs a little early. */
    public static final long MIN_RECEIVE_INTERVAL_MILLIS = 45_000;
    public static final int MAX_ADDED = 50;
    /** Our addresses as peers see them ({@code yourip}), to drop ourselves from what they tell us. */
    private static final int MAX_OUR_IPS = 8;

    private final String owner;
    private final ExtensionPayloads payloads;
    private final LongSupplier clock;
    private final IntSupplier listenPort;
    private final Consumer<List<InetSocketAddress>> learned;
    private final Map<ExtensionPeer, Exchange> exchanges = new HashMap<>();
    private final Set<InetAddress> ourIps = new LinkedHashSet<>();
    private long learnedCount;
    private long ignoredCount;

    /**
     * @param listenPort our listen port, to recognise ourselves in what peers send
     * @param learned    takes the peers a message named (at most {@link #MAX_ADDED}, new to this message)
     */
    public PexHandler(String owner, ExtensionPayloads payloads, LongSupplier clock, IntSupplier listenPort,
            Consumer<List<InetSocketAddress>> learned) {
        this.owner = owner;
        this.payloads = payloads;
        this.clock = clock;
        this.listenPort = listenPort;
        this.learned = learned;
    }

    @Override
    public String name() {
        return PexMessage.EXTENSION;
    }

    @Override
    public void handshakeReceived(ExtensionPeer peer) {
        peer.handshake().yourIp().ifPresent(ip -> {
            if (ourIps.size() < MAX_OUR_IPS) {
                ourIps.add(ip);
            }
        });
        if (peer.supports(name())) {
            exchanges.computeIfAbsent(peer, p -> new Exchange());
        }
    }

    @Override
    public void received(ExtensionPeer peer, byte[] payload) throws ExtensionException {
        Exchange exchange = exchanges.computeIfAbsent(peer, p -> new Exchange());
        long now = clock.getAsLong();
        if (now - exchange.lastReceived < MIN_RECEIVE_INTERVAL_MILLIS) {
            ignoredCount++;
            return;
        }
        exchange.lastReceived = now;
        PexMessage message;
        try {
            message = PexMessage.parse(payload, payloads, MAX_ADDED);
        } catch (ExtensionException e) {
            ignoredCount++;
            LOG.debug("{}: ignoring a ut_pex message of {}: {}", owner, peer, e.getMessage());
            return;
        }
        Set<InetSocketAddress> fresh = new LinkedHashSet<>();
        for (PexPeer added : message.added()) {
            if (!isOurs(added.address())) {
                fresh.add(added.address());
            }
        }
        if (!fresh.isEmpty()) {
            learnedCount += fresh.size();
            learned.accept(List.copyOf(fresh));
        }
    }

    private boolean isOurs(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        return address.getPort() == listenPort.getAsInt()
                && (ip.isLoopbackAddress() || ip.isAnyLocalAddress() || ourIps.contains(ip));
    }

    @Override
    public void closed(ExtensionPeer peer) {
        exchanges.remove(peer);
    }

    /**
     * Sends their message to the peers that are due; {@code connected} (asked only when one is)
     * gives the swarm's peers now, by listen address, with their flags.
     */
    public void tick(Supplier<Collection<PexPeer>> connected) {
        long now = clock.getAsLong();
        Map<InetSocketAddress, Integer> current = null;
        for (Map.Entry<ExtensionPeer, Exchange> entry : exchanges.entrySet()) {
            ExtensionPeer peer = entry.getKey();
            Exchange exchange = entry.getValue();
            if (!peer.supports(name()) || now - exchange.lastSent < SEND_INTERVAL_MILLIS) {
                continue;
            }
            if (current == null) {
                current = new LinkedHashMap<>();
                for (PexPeer known : connected.get()) {
                    current.put(known.address(), known.flags());
                }
            }
            PexMessage message = exchange.next(current, peer);
            if (!message.isEmpty()) {
                exchange.lastSent = now;
                peer.send(name(), message.encode());
            }
        }
    }

    /** Addresses handed to the swarm from PEX messages, ever. */
    public long learnedCount() {
        return learnedCount;
    }

    /** Messages ignored: too early after the sender's previous one, or malformed. */
    public long ignoredCount() {
        return ignoredCount;
    }

    /** What one peer was told and when, and when it last told us. */
    static final class Exchange {
        private final Set<InetSocketAddress> told = new HashSet<>();
        long lastSent = Long.MIN_VALUE / 2;
        long lastReceived = Long.MIN_VALUE / 2;

        /** The diff of {@code current} against what it was told, capped; counted as told from now. */
        PexMessage next(Map<InetSocketAddress, Integer> current, ExtensionPeer peer) {
            List<PexPeer> added = new ArrayList<>();
            for (Map.Entry<InetSocketAddress, Integer> entry : current.entrySet()) {
                if (added.size() == MAX_ADDED) {
                    break;
                }
                InetSocketAddress address = entry.getKey();
                if (!told.contains(address) && !isItself(address, peer)) {
                    added.add(new PexPeer(address, entry.getValue()));
                }
            }
            List<InetSocketAddress> dropped = new ArrayList<>();
            for (InetSocketAddress address : told) {
                if (dropped.size() == MAX_ADDED) {
                    break;
                }
                if (!current.containsKey(address)) {
                    dropped.add(address);
                }
            }
            added.forEach(p -> told.add(p.address()));
            dropped.forEach(told::remove);
            return new PexMessage(added, dropped);
        }

        private static boolean isItself(InetSocketAddress address, ExtensionPeer peer) {
            InetSocketAddress remote = peer.address();
            return address.equals(remote) || address.getAddress().equals(remote.getAddress())
                    && address.getPort() == peer.handshake().listenPort();
        }
    }
}
