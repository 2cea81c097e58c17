package dev.shoal.test.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The IPv6 loopback address {@code ::1}, for tests of IPv6 peers. A host or container may have IPv6
 * turned off: {@link #require()} probes a real connection over it, and without one the test is
 * skipped with the reason, or fails when {@code SHOAL_REQUIRE_ALL_TESTS=1}.
 */
public final class Ipv6Loopback {

    private Ipv6Loopback() {
    }

    /** {@code ::1}, once a TCP connection over it worked. */
    public static InetAddress require() {
        String failure;
        try {
            InetAddress loopback = InetAddress.getByName("::1");
            try (ServerSocket server = new ServerSocket()) {
                server.bind(new InetSocketAddress(loopback, 0));
                try (Socket client = new Socket()) {
                    client.connect(server.getLocalSocketAddress(), 5_000);
                    server.accept().close();
                }
            }
            return loopback;
        } catch (IOException e) {
            failure = e.toString();
        }
        SystemProgram.requireThat(false, "IPv6 on the loopback interface is required",
                "no TCP connection over ::1 here: " + failure, "enable IPv6 (sysctl net.ipv6.conf.lo.disable_ipv6=0)");
        throw new AssertionError("unreachable");
    }
}
