package dev.shoal.lsd.internal;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which network interfaces local service discovery uses, asked again at each rescan: the ones named,
 * or when none is named every one that is up and multicast-capable (a loopback interface, which Linux
 * serves multicast on without saying so, only when named). A named interface that is missing or down
 * is said once, when it goes (or at the start), not at every rescan. Used by the LSD loop's thread only.
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

    private final List<String> names;
    private final Source source;
    /** The named interfaces found missing or down at the last scan, so that each is said once. */
    private final Set<String> missing = new LinkedHashSet<>();

    InterfaceChoice(List<String> names, Source source) {
        this.names = List.copyOf(names);
        this.source = source;
    }

    /** The interfaces to use now. */
    List<NetworkInterface> choose() throws SocketException {
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
