package dev.shoal.test.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;

/**
 * IPv4 multicast over the loopback interface, which local service discovery tests use to keep their
 * announces on this host. Linux serves it although {@code lo} does not claim MULTICAST; other systems
 * may not. {@link #requireIpv4()} probes it with a real datagram: when it does not arrive the test is
 * skipped with the reason, or fails when {@code SHOAL_REQUIRE_ALL_TESTS=1}.
 */
public final class LoopbackMulticast {

    /** Administratively scoped, unlike BEP 14's group, so the probe never reaches a real client. */
    private static final String PROBE_GROUP = "239.255.77.77";

    private LoopbackMulticast() {
    }

    /** The loopback interface, once a datagram sent to a group on it came back. */
    public static NetworkInterface requireIpv4() {
        String failure;
        NetworkInterface loopback = null;
        try {
            loopback = NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress());
            failure = loopback == null ? "no loopback interface" : probe(loopback);
        } catch (IOException e) {
            failure = e.toString();
        }
        if (failure == null) {
            return loopback;
        }
        String reason = "IPv4 multicast over the loopback interface does not work here: " + failure;
        if (SystemProgram.allTestsRequired()) {
            fail(reason + " (" + SystemProgram.REQUIRE_ALL + "=1)");
        }
        Assumptions.abort(reason + "; skipped (set " + SystemProgram.REQUIRE_ALL + "=1 to make this a failure)");
        throw new AssertionError("unreachable");
    }

    private static String probe(NetworkInterface loopback) throws IOException {
        InetAddress group = InetAddress.getByName(PROBE_GROUP);
        try (DatagramChannel receiver = DatagramChannel.open(StandardProtocolFamily.INET);
                DatagramChannel sender = DatagramChannel.open(StandardProtocolFamily.INET);
                Selector selector = Selector.open()) {
            receiver.bind(new InetSocketAddress(0));
            receiver.join(group, loopback);
            receiver.configureBlocking(false);
            receiver.register(selector, SelectionKey.OP_READ);
            sender.setOption(StandardSocketOptions.IP_MULTICAST_IF, loopback);
            sender.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
            byte[] token = ("probe-" + System.nanoTime()).getBytes(StandardCharsets.US_ASCII);
            int port = ((InetSocketAddress) receiver.getLocalAddress()).getPort();
            sender.send(ByteBuffer.wrap(token), new InetSocketAddress(group, port));
            ByteBuffer got = ByteBuffer.allocate(64);
            if (selector.select(5_000) > 0 && receiver.receive(got) != null) {
                got.flip();
                return got.equals(ByteBuffer.wrap(token)) ? null : "a different datagram came back";
            }
            return "the probe datagram did not come back within 5 s";
        }
    }
}
