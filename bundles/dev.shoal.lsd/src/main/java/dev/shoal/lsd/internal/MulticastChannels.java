package dev.shoal.lsd.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ProtocolFamily;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sockets of local service discovery: per address family, one non-blocking receiver bound to the
 * group port with address reuse (so that several clients on one host share the port) and joined to
 * the group on each chosen interface; per interface and family, one sender whose multicast interface
 * is that interface. An interface or family that cannot be used (no address of the family, no
 * multicast route) is logged once and left out; the rest work.
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
        final InetAddress address;
        final String host;
        final Predicate<InetAddress> ofFamily;

        Group(ProtocolFamily family, String literal, String host, Predicate<InetAddress> ofFamily) {
            this.family = family;
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

        /** Sends one message to the group; a failure is logged (warn the first time) and the message dropped. */
        void send(byte[] message, int groupPort) {
            try {
                channel.send(ByteBuffer.wrap(message), new InetSocketAddress(group.address, groupPort));
            } catch (IOException e) {
                if (failedBefore) {
                    LOG.debug("LSD: cannot announce on {} over {}: {}", interfaceName, group, e.toString());
                } else {
                    LOG.warn("LSD: cannot announce on {} over {}: {}", interfaceName, group, e.toString());
                    failedBefore = true;
                }
            }
        }
    }

    private final List<Receiver> receivers = new ArrayList<>();
    private final List<Sender> senders = new ArrayList<>();

    /** Opens the sockets of {@code groups} on {@code interfaces}; throws only when the last close fails too. */
    MulticastChannels(List<Group> groups, List<NetworkInterface> interfaces, int groupPort) {
        try {
            for (Group group : groups) {
                open(group, interfaces, groupPort);
            }
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    List<Receiver> receivers() {
        return Collections.unmodifiableList(receivers);
    }

    List<Sender> senders() {
        return Collections.unmodifiableList(senders);
    }

    private void open(Group group, List<NetworkInterface> interfaces, int groupPort) {
        List<NetworkInterface> usable = interfaces.stream()
                .filter(nif -> nif.inetAddresses().anyMatch(group.ofFamily)).toList();
        if (usable.isEmpty()) {
            LOG.info("LSD: no interface with an {} address to use", group);
            return;
        }
        DatagramChannel receiver;
        try {
            receiver = DatagramChannel.open(group.family);
            receiver.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            receiver.bind(new InetSocketAddress(groupPort));
            receiver.configureBlocking(false);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("LSD: cannot listen on port {} over {}: {}", groupPort, group, e.toString());
            return;
        }
        int joined = 0;
        for (NetworkInterface nif : usable) {
            try {
                receiver.join(group.address, nif);
                joined++;
                senders.add(new Sender(group, nif.getName(), sender(group, nif)));
            } catch (IOException | UnsupportedOperationException e) {
                LOG.warn("LSD: cannot use {} over {}: {}", nif.getName(), group, e.toString());
            }
        }
        if (joined == 0) {
            closeQuietly(receiver);
        } else {
            receivers.add(new Receiver(group, receiver));
            LOG.info("LSD: listening on {}:{}, announcing on {}", group.address.getHostAddress(), groupPort,
                    senders.stream().filter(s -> s.group == group).map(s -> s.interfaceName).toList());
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

    /**
     * The interfaces named, or when none is named every one that is up and multicast-capable (a
     * loopback interface, which Linux serves multicast on without saying so, only when named).
     */
    static List<NetworkInterface> select(List<String> names) throws SocketException {
        List<NetworkInterface> chosen = new ArrayList<>();
        if (names.isEmpty()) {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nif.isUp() && nif.supportsMulticast() && !nif.isLoopback()) {
                    chosen.add(nif);
                }
            }
            return chosen;
        }
        for (String name : names) {
            NetworkInterface nif = NetworkInterface.getByName(name);
            if (nif == null) {
                LOG.warn("LSD: no network interface named '{}'", name);
            } else if (!nif.isUp()) {
                LOG.warn("LSD: network interface {} is down", name);
            } else {
                chosen.add(nif);
            }
        }
        return chosen;
    }

    @Override
    public void close() {
        receivers.forEach(receiver -> closeQuietly(receiver.channel()));
        senders.forEach(sender -> closeQuietly(sender.channel));
    }

    private static void closeQuietly(DatagramChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("LSD: closing a socket failed: {}", e.toString());
        }
    }
}
