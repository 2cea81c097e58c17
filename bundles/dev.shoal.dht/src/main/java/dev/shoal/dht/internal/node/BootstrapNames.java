package dev.shoal.dht.internal.node;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The configured bootstrap nodes as names, resolved again while the node has not joined: a name that
 * failed (no network yet at start, a DNS outage) is retried with a backoff that doubles from 5 s up to
 * 5 minutes, and every name is resolved afresh every 30 minutes (a router that moved). Once the node
 * knows K good nodes in each family nothing is resolved. What resolves is handed to {@link Bootstrap}
 * whenever it changes. Each name keeps at most one IPv4 and one IPv6 address; at most
 * {@value #MAX_NAMES} names are kept.
 *
 * <p>Not thread-safe: {@link #resolveDue} runs on one thread of its own, when {@link #nextDueAt} says, since a DNS lookup may block
 * for seconds and the node's ticks and datagrams must not wait for it.
 */
public final class BootstrapNames {

    /** Name to addresses; {@link InetAddress#getAllByName} outside tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    static final int MAX_NAMES = 32;
    static final long FIRST_RETRY_MILLIS = 5_000;
    static final long MAX_RETRY_MILLIS = 5 * 60_000L;
    static final long REFRESH_MILLIS = 30 * 60_000L;
    /** A joined node resolves nothing; whether it still is joined is looked at this often. */
    public static final long JOINED_CHECK_MILLIS = 60_000L;
    private static final Logger LOG = Logger.getLogger(BootstrapNames.class.getName());

    /** One configured host:port, what it resolved to last and when it is due again. */
    private static final class Name {
        final String host;
        final int port;
        List<InetSocketAddress> addresses = List.of();
        int failures;
        boolean tried;
        long dueAt;

        Name(String host, int port) {
            this.host = host;
            this.port = port;
        }
    }

    private final List<Name> names = new ArrayList<>();
    private final Resolver resolver;
    private final DhtNode node;
    private List<InetSocketAddress> handedOver;

    /**
     * @param hostPorts {@code host:port} or {@code [v6]:port} each; blank entries are none, others
     *                  that do not parse are logged and left out
     */
    public BootstrapNames(String[] hostPorts, Resolver resolver, DhtNode node) {
        this.resolver = resolver;
        this.node = node;
        for (String hp : hostPorts) {
            if (hp.isBlank()) {
                continue; // "bootstrapNodes=" in a .cfg file: none
            }
            if (names.size() == MAX_NAMES) {
                LOG.warning("DHT bootstrap nodes beyond the first " + MAX_NAMES + " ignored");
                break;
            }
            int colon = hp.lastIndexOf(':');
            try {
                int port = Integer.parseInt(hp.substring(colon + 1).trim());
                String host = hp.substring(0, colon).trim().replaceAll("^\\[|\\]$", "");
                if (host.isEmpty() || port < 1 || port > 65535) {
                    throw new IllegalArgumentException();
                }
                names.add(new Name(host, port));
            } catch (RuntimeException e) {
                LOG.warning("DHT bootstrap node '" + hp + "' ignored: not host:port");
            }
        }
    }

    /**
     * Resolves the names that are due (every name the first time; later only while the node has not
     * joined), and hands the addresses to the node's bootstrap when they changed; true then.
     */
    public boolean resolveDue() {
        boolean wanted = !node.joined();
        for (Name n : names) {
            if (n.tried && (!wanted || node.now() < n.dueAt)) {
                continue;
            }
            resolve(n);
        }
        List<InetSocketAddress> all = new ArrayList<>();
        names.forEach(n -> all.addAll(n.addresses));
        if (!all.equals(handedOver)) {
            handedOver = List.copyOf(all);
            node.bootstrap().routers(handedOver);
            return true;
        }
        return false;
    }

    /** When {@link #resolveDue} has a name to resolve next (node clock), or should look whether it has. */
    public long nextDueAt() {
        long now = node.now();
        if (node.joined()) {
            return now + JOINED_CHECK_MILLIS;
        }
        long next = now + JOINED_CHECK_MILLIS;
        for (Name n : names) {
            next = Math.min(next, n.tried ? n.dueAt : now);
        }
        return Math.max(next, now);
    }

    private void resolve(Name n) {
        n.tried = true;
        try {
            List<InetSocketAddress> found = pickFamilies(resolver.resolve(n.host), n.port, node.settings());
            if (found.isEmpty()) {
                throw new UnknownHostException(n.host + ": no address");
            }
            n.addresses = found;
            n.failures = 0;
            n.dueAt = node.now() + REFRESH_MILLIS;
        } catch (UnknownHostException | SecurityException e) {
            // The addresses of a name resolved before are kept: a DNS outage does not make a router go away.
            n.failures++;
            long backoff = Math.min(MAX_RETRY_MILLIS, FIRST_RETRY_MILLIS << Math.min(n.failures - 1, 16));
            n.dueAt = node.now() + backoff;
            if (n.failures == 1) {
                LOG.info("DHT bootstrap node " + n.host + " not resolved (" + e.getMessage() + "), retrying");
            }
        }
    }

    /** The first address of each family the node runs. */
    private static List<InetSocketAddress> pickFamilies(InetAddress[] addresses, int port, NodeSettings s) {
        InetAddress v4 = null;
        InetAddress v6 = null;
        for (InetAddress a : addresses == null ? new InetAddress[0] : addresses) {
            if (v4 == null && s.v4() && a instanceof Inet4Address) {
                v4 = a;
            } else if (v6 == null && s.v6() && a instanceof Inet6Address) {
                v6 = a;
            }
        }
        List<InetSocketAddress> out = new ArrayList<>(2);
        if (v4 != null) {
            out.add(new InetSocketAddress(v4, port));
        }
        if (v6 != null) {
            out.add(new InetSocketAddress(v6, port));
        }
        return out;
    }

    /** For tests: when the name {@code host} is next resolved (node clock), or -1 if it is not configured. */
    long dueAt(String host) {
        return names.stream().filter(n -> n.host.equals(host)).mapToLong(n -> n.dueAt).findFirst().orElse(-1);
    }
}
