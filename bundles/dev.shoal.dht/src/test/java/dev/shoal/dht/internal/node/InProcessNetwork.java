package dev.shoal.dht.internal.node;

import dev.shoal.dht.internal.routing.SecureIds;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Hundreds of nodes in one thread: datagrams wait in one queue until {@link #drain()}, time moves
 * only when {@link #advance} says, so a test runs in milliseconds and the same every time. Each
 * node has a public-looking IPv4 address and a BEP 42 id that fits it.
 */
final class InProcessNetwork {

    private record Datagram(InetSocketAddress from, InetSocketAddress to, byte[] bytes) {
    }

    static final int MAX_DELIVERIES_PER_DRAIN = 10_000_000;

    final AtomicLong time = new AtomicLong(1_000_000_000L);
    final Random random;
    private final Map<InetSocketAddress, DhtNode> nodes = new LinkedHashMap<>();
    /** Addresses that are not DHT nodes but see what comes to them (bootstrap traps, attackers). */
    private final Map<InetSocketAddress, BiConsumer<InetSocketAddress, byte[]>> listeners = new LinkedHashMap<>();
    /** Second addresses of dual-stack nodes. */
    private final Map<InetSocketAddress, DhtNode> aliases = new LinkedHashMap<>();
    private final ArrayDeque<Datagram> queue = new ArrayDeque<>();
    /** When each node's next tick is due, and the nodes that heard a datagram since their last tick. */
    private final Map<DhtNode, Long> due = new HashMap<>();
    private final Set<DhtNode> heard = new HashSet<>();
    private long delivered;
    private long ticks;

    InProcessNetwork(long seed) {
        this.random = new Random(seed);
    }

    static InetSocketAddress address(int i) {
        try {
            // 1.0.0.0/8 upwards: public-looking, one IP per node, so BEP 42 and the one-per-IP rule apply.
            return new InetSocketAddress(InetAddress.getByAddress(new byte[] {
                (byte) (1 + (i >> 16)), (byte) (i >> 8), (byte) i, 1}), 6881);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An IPv6 address for node {@code i} (2001:db8::/32 is not local, so BEP 42 applies). */
    static InetSocketAddress address6(int i) {
        try {
            byte[] ip = new byte[16];
            ip[0] = 0x20;
            ip[1] = 0x01;
            ip[2] = 0x0d;
            ip[3] = (byte) 0xb8;
            ip[6] = (byte) (i >> 8);
            ip[7] = (byte) i;
            ip[15] = 1;
            return new InetSocketAddress(InetAddress.getByAddress(ip), 6881);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    DhtNode add(InetSocketAddress at, NodeSettings settings, DhtState saved, List<InetSocketAddress> routers) {
        return add(at, null, settings, saved, routers);
    }

    /**
     * A node at {@code at} and, when {@code at6} is not null, also at that IPv6 address (a dual-stack
     * host: it sends each datagram from the address of the destination's family).
     */
    DhtNode add(InetSocketAddress at, InetSocketAddress at6, NodeSettings settings, DhtState saved,
            List<InetSocketAddress> routers) {
        DhtState state = saved != null ? saved
                : new DhtState(SecureIds.generate(at.getAddress(), random), List.of(), List.of());
        DhtNode node = new DhtNode(settings, (to, bytes) -> queue.add(new Datagram(
                at6 != null && to.getAddress().getAddress().length == 16 ? at6 : at, to, bytes)), time::get,
                new Random(random.nextLong()), state);
        node.bootstrap().routers(routers);
        nodes.put(at, node);
        if (at6 != null) {
            aliases.put(at6, node);
        }
        return node;
    }

    void remove(InetSocketAddress at) {
        nodes.remove(at);
    }

    void listen(InetSocketAddress at, BiConsumer<InetSocketAddress, byte[]> listener) {
        listeners.put(at, listener);
    }

    /** A datagram from someone who is not a node (a fuzzer, an attacker, a test's own client). */
    void inject(InetSocketAddress from, InetSocketAddress to, byte[] bytes) {
        queue.add(new Datagram(from, to, bytes));
    }

    DhtNode node(InetSocketAddress at) {
        return nodes.get(at);
    }

    List<DhtNode> nodes() {
        return new ArrayList<>(nodes.values());
    }

    List<InetSocketAddress> addresses() {
        return new ArrayList<>(nodes.keySet());
    }

    /** Delivers every queued datagram, and those their answers cause, until the network is quiet. */
    void drain() {
        int n = 0;
        while (!queue.isEmpty()) {
            if (++n > MAX_DELIVERIES_PER_DRAIN) {
                throw new AssertionError("the network never goes quiet");
            }
            Datagram d = queue.poll();
            DhtNode node = nodes.containsKey(d.to()) ? nodes.get(d.to()) : aliases.get(d.to());
            if (node != null) {
                node.receive(d.from(), d.bytes());
                heard.add(node);
                delivered++;
            } else if (listeners.containsKey(d.to())) {
                listeners.get(d.to()).accept(d.from(), d.bytes());
            }
        }
    }

    /**
     * Moves time on by {@code millis}, ticks the nodes whose work is due (as DhtComponent does: at
     * {@link DhtNode#nextTickAt()}, or soon after a datagram came) and delivers what follows.
     */
    void advance(long millis) {
        time.addAndGet(millis);
        for (DhtNode node : nodes()) {
            boolean cued = heard.remove(node);
            if (cued || time.get() >= due.getOrDefault(node, Long.MIN_VALUE)) {
                node.tick();
                ticks++;
                due.put(node, node.nextTickAt());
            }
        }
        drain();
    }

    /** How many ticks the nodes took, in all. */
    long ticks() {
        return ticks;
    }

    void run(long seconds) {
        for (long s = 0; s < seconds; s++) {
            advance(1000);
        }
    }

    long delivered() {
        return delivered;
    }
}
