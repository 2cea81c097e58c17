package dev.shoal.lsd.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which network interfaces local service discovery uses, asked again at each rescan: the ones named,
 * or when none is named every one that is up and multicast-capable (a loopback interface, which Linux
 * serves multicast on without saying so, only when named). A named interface that is missing or down
 * is said once, when it goes (or at the start), not at every rescan.
 *
 * <p>When the peer wire listens on one address (a VPN's, 127.0.0.1) rather than on every interface,
 * only the interface holding that address is used, loopback included, and only its address family,
 * as libtorrent does: announcing elsewhere would tell other networks which torrents we have, for a
 * port they cannot reach. Used by the LSD loop's thread only.
 */
final class InterfaceChoice {

    private static final Logger LOG = LoggerFactory.getLogger(InterfaceChoice.class);

    /** The host's interfaces as the JDK lists them; a seam so that tests can show interfaces coming and going. */
    @FunctionalInterface
    interface Source {
        List<NetworkInterface> list() throws SocketException;

        static Source system() {
            return () -> {
                var all = NetworkInterface.getNetworkInterfaces();
                return all == null ? List.of() : Collections.list(all);
            };
        }
    }

    /**
     * What to use now: these interfaces, and of their addresses those that {@code addresses} accepts
     * (the peer wire's family when it listens on one address).
     */
    record Chosen(List<NetworkInterface> interfaces, Predicate<InetAddress> addresses) {

        static final Predicate<InetAddress> ANY = address -> true;
    }

    private final List<String> names;
    private final Source source;
    /** The address the peer wire listens on: null or a wildcard for every interface. */
    private final Supplier<InetAddress> listening;
    /** The named interfaces found missing or down at the last scan, so that each is said once. */
    private final Set<String> missing = new LinkedHashSet<>();
    /** The peer wire's address at the last scan, so that a restriction is said when it changes. */
    private InetAddress restrictedTo;

    /** @param listening the peer wire's listening address (null or a wildcard: every interface) */
    InterfaceChoice(List<String> names, Source source, Supplier<InetAddress> listening) {
        this.names = List.copyOf(names);
        this.source = source;
        this.listening = listening;
    }

    /** The interfaces to use now, and which of their addresses. */
    Chosen choose() throws SocketException {
        InetAddress bound = listening.get();
        if (bound == null || bound.isAnyLocalAddress()) {
            sayRestriction(null, null);
            return new Chosen(configured(), Chosen.ANY);
        }
        List<NetworkInterface> all = source.list();
        NetworkInterface owner = all.stream().filter(nif -> nif.inetAddresses().anyMatch(bound::equals))
                .findFirst().orElse(null);
        List<NetworkInterface> chosen = owner != null && isUp(owner)
                && (names.isEmpty() || names.contains(owner.getName())) ? List.of(owner) : List.of();
        sayRestriction(bound, chosen.isEmpty() ? null : owner);
        boolean v4 = bound instanceof Inet4Address;
        return new Chosen(chosen, address -> address instanceof Inet4Address == v4);
    }

    private void sayRestriction(InetAddress bound, NetworkInterface owner) {
        if (Objects.equals(bound, restrictedTo)) {
            return;
        }
        restrictedTo = bound;
        if (bound == null) {
            LOG.info("LSD: the peer wire listens on every interface: so does local discovery");
        } else if (owner == null) {
            LOG.warn("LSD: the peer wire listens on {} only, which no usable{} interface holds: not announcing",
                    bound.getHostAddress(), names.isEmpty() ? "" : " configured");
        } else {
            LOG.info("LSD: the peer wire listens on {} only: announcing on {} alone", bound.getHostAddress(),
                    owner.getName());
        }
    }

    /** The interfaces configured: the named ones there, or every multicast one but loopback. */
    private List<NetworkInterface> configured() throws SocketException {
        List<NetworkInterface> all = source.list();
        List<NetworkInterface> chosen = new ArrayList<>();
        if (names.isEmpty()) {
            for (NetworkInterface nif : all) {
                if (isUp(nif) && flag(nif, NetworkInterface::supportsMulticast, false)
                        && !flag(nif, NetworkInterface::isLoopback, true)) {
                    chosen.add(nif);
                }
            }
            return chosen;
        }
        for (String name : names) {
            NetworkInterface nif = all.stream().filter(n -> n.getName().equals(name)).findFirst().orElse(null);
            if (nif != null && isUp(nif)) {
                chosen.add(nif);
                missing.remove(name);
            } else if (missing.add(name)) {
                LOG.warn("LSD: network interface '{}' is {}; looking for it again every rescan", name,
                        nif == null ? "not there" : "down");
            }
        }
        return chosen;
    }

    /** A flag of an interface, read live by its name (hence the exception). */
    @FunctionalInterface
    private interface Flag {
        boolean of(NetworkInterface nif) throws SocketException;
    }

    /** An interface gone since the listing throws: it is not usable, whatever the flag. */
    private static boolean flag(NetworkInterface nif, Flag flag, boolean whenGone) {
        try {
            return flag.of(nif);
        } catch (SocketException e) {
            return whenGone;
        }
    }

    private static boolean isUp(NetworkInterface nif) {
        return flag(nif, NetworkInterface::isUp, false);
    }
}
