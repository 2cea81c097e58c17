package dev.shoal.lsd.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.MembershipKey;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sockets of local service discovery: per address family, one non-blocking receiver bound to the
 * group port with address reuse (so that several clients on one host share the port) and joined to
 * the group on each interface in use; per interface and family, one sender whose multicast interface
 * is that interface. {@link #update} follows the interfaces as they come and go (Wi-Fi, a VPN): it
 * joins on the new ones, leaves the gone ones and rejoins one whose addresses changed (a sender's
 * source address is taken when it is opened), one log line for each. An interface or family that
 * cannot be used (no multicast route, no IPv6) is said once and tried again quietly at each update.
 * Used by the LSD loop's thread only.
 */
final class MulticastChannels implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MulticastChannels.class);

    /** BEP 14's groups are wider than the link; libtorrent sends with 32 hops as well. */
    private static final int HOPS = 32;

    /** One address family's group and Host header. */
    enum Group {
        V4(StandardProtocolFamily.INET, "239.192.152.143", AnnouncementCodec.HOST_V4, a -> a instanceof Inet4Address),
        V6(StandardProtocolFamily.INET6, "ff15::efc0:988f", AnnouncementCodec.HOST_V6, a -> a instanceof Inet6Address);

        final ProtocolFamily family;
        final String literal;
        final InetAddress address;
        final String host;
        final Predicate<InetAddress> ofFamily;

        Group(ProtocolFamily family, String literal, String host, Predicate<InetAddress> ofFamily) {
            this.family = family;
            this.literal = literal;
            this.address = literal(literal);
            this.host = host;
            this.ofFamily = ofFamily;
        }

        private static InetAddress literal(String literal) {
            try {
                return InetAddress.getByName(literal);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A receiver: the datagrams of one family's group, from every interface it joined on. */
    record Receiver(Group group, DatagramChannel channel) {
    }

    /** A sender: announces on one interface. */
    static final class Sender {
        final Group group;
        final String interfaceName;
        final DatagramChannel channel;
        private boolean failedBefore;

        Sender(Group group, String interfaceName, DatagramChannel channel) {
            this.group = group;
            this.interfaceName = interfaceName;
            this.channel = channel;
        }

        /**
         * Sends one message to the group; a failure is logged (warn the first time), the message
         * dropped, and false returned (the interface may have gone: time to look again).
         */
        boolean send(byte[] message, int groupPort) {
            try {
                channel.send(ByteBuffer.wrap(message), new InetSocketAddress(group.address, groupPort));
                return true;
            } catch (IOException e) {
                if (failedBefore) {
                    LOG.debug("LSD: cannot announce on {} over {}: {}", interfaceName, group, e.toString());
                } else {
                    LOG.warn("LSD: cannot announce on {} over {}: {}", interfaceName, group, e.toString());
                    failedBefore = true;
                }
                return false;
            }
        }
    }

    /**
     * One interface as used for one group, with what must stay the same for its membership and
     * sender to stay valid: a VPN brought up again has a new index, a new lease new addresses.
     */
    private record Use(Group group, String name, int index, Set<InetAddress> addresses) {

        static Use of(Group group, NetworkInterface nif, Predicate<InetAddress> usable) {
            return new Use(group, nif.getName(), nif.getIndex(), nif.inetAddresses().filter(group.ofFamily)
                    .filter(usable).collect(Collectors.toUnmodifiableSet()));
        }

        boolean sameInterface(Use other) {
            return group == other.group && name.equals(other.name);
        }
    }

    private record Joined(MembershipKey membership, Sender sender) {
    }

    private final List<Group> groups;
    private final int groupPort;
    private final Map<Group, Receiver> receivers = new EnumMap<>(Group.class);
    private final Map<Use, Joined> joined = new LinkedHashMap<>();
    /** Said once: a family whose receiver could not be opened, interfaces that could not be joined. */
    private final Set<Group> receiversRefused = EnumSet.noneOf(Group.class);
    private final Set<Use> refused = new HashSet<>();

    /** Opens nothing yet: {@link #update} opens what the interfaces allow. */
    MulticastChannels(List<Group> groups, int groupPort) {
        this.groups = List.copyOf(groups);
        this.groupPort = groupPort;
    }

    List<Receiver> receivers() {
        return List.copyOf(receivers.values());
    }

    List<Sender> senders() {
        return joined.values().stream().map(Joined::sender).toList();
    }

    /**
     * Uses exactly {@code interfaces} from now on (those with a {@code usable} address of a group's
     * family, for that group). Returns whether an interface was joined that was not before (a rejoin
     * after an address change included): its network has heard none of our announces yet.
     */
    boolean update(List<NetworkInterface> interfaces, Predicate<InetAddress> usable) {
        Set<Use> wanted = new HashSet<>();
        for (Group group : groups) {
            for (NetworkInterface nif : interfaces) {
                Use use = Use.of(group, nif, usable);
                if (!use.addresses().isEmpty()) {
                    wanted.add(use);
                }
            }
        }
        refused.retainAll(wanted);
        List<Use> gone = joined.keySet().stream().filter(use -> !wanted.contains(use)).toList();
        for (Use use : gone) {
            leave(use);
            if (wanted.stream().noneMatch(use::sameInterface)) {
                LOG.info("LSD: left {} over {}: the interface is gone or down", use.name(), use.group());
            }
        }
        boolean news = false;
        for (Use use : wanted) {
            if (!joined.containsKey(use)) {
                boolean rejoin = gone.stream().anyMatch(use::sameInterface);
                news |= join(use, interfaces.stream().filter(n -> n.getName().equals(use.name())).findFirst()
                        .orElseThrow(), rejoin);
            }
        }
        if (!gone.isEmpty() && joined.isEmpty()) {
            LOG.info("LSD: no interface left to announce on; looking again at each rescan");
        }
        return news;
    }

    private boolean join(Use use, NetworkInterface nif, boolean rejoin) {
        Receiver receiver = receiver(use.group());
        if (receiver == null) {
            return false;
        }
        MembershipKey membership = null;
        try {
            membership = receiver.channel().join(use.group().address, nif);
            joined.put(use, new Joined(membership, new Sender(use.group(), use.name(), sender(use.group(), nif))));
            refused.remove(use);
            String group = use.group() == Group.V6 ? "[" + use.group().literal + "]" : use.group().literal;
            LOG.info("LSD: {} {} ({}:{})", rejoin ? "addresses changed, rejoined on" : "announcing and listening on",
                    use.name(), group, groupPort);
            return true;
        } catch (IOException | RuntimeException e) {
            if (membership != null) {
                membership.drop();
            }
            if (refused.add(use)) {
                LOG.warn("LSD: cannot use {} over {}: {}", use.name(), use.group(), e.toString());
            } else {
                LOG.debug("LSD: still cannot use {} over {}: {}", use.name(), use.group(), e.toString());
            }
            return false;
        }
    }

    private void leave(Use use) {
        Joined gone = joined.remove(use);
        try {
            gone.membership().drop();
        } catch (AssertionError e) {
            // The JDK turns a failed IP_DROP_MEMBERSHIP into an AssertionError ("should not happen"):
            // it happens when the interface vanished, and the membership went with it.
            LOG.debug("LSD: leaving {} over {} failed: {}", use.name(), use.group(), e.toString());
        }
        closeQuietly(gone.sender().channel);
    }

    /** The group's receiver, opened at its first use; null (said once) when it cannot be. */
    private Receiver receiver(Group group) {
        Receiver receiver = receivers.get(group);
        if (receiver != null) {
            return receiver;
        }
        DatagramChannel channel = null;
        try {
            channel = DatagramChannel.open(group.family);
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(new InetSocketAddress(groupPort));
            channel.configureBlocking(false);
            receiver = new Receiver(group, channel);
            receivers.put(group, receiver);
            return receiver;
        } catch (IOException | UnsupportedOperationException e) {
            if (channel != null) {
                closeQuietly(channel);
            }
            if (receiversRefused.add(group)) {
                LOG.warn("LSD: cannot listen on port {} over {}: {}", groupPort, group, e.toString());
            }
            return null;
        }
    }

    private static DatagramChannel sender(Group group, NetworkInterface nif) throws IOException {
        DatagramChannel channel = DatagramChannel.open(group.family);
        try {
            channel.setOption(StandardSocketOptions.IP_MULTICAST_IF, nif);
            channel.setOption(StandardSocketOptions.IP_MULTICAST_TTL, HOPS);
            // Other clients on this host hear us through the loop; our own receiver drops us by cookie.
            channel.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
            channel.configureBlocking(false);
            return channel;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    @Override
    public void close() {
        new ArrayList<>(joined.keySet()).forEach(this::leave);
        receivers.values().forEach(receiver -> closeQuietly(receiver.channel()));
        receivers.clear();
    }

    private static void closeQuietly(DatagramChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("LSD: closing a socket failed: {}", e.toString());
        }
    }
}
