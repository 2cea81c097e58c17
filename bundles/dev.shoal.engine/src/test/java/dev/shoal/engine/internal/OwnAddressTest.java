package dev.shoal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.tracker.api.TrackerPeer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnAddressTest {

    @Test
    void our_port_on_this_host_is_us_and_everything_else_is_a_peer() {
        List<TrackerPeer> answer = List.of(TrackerPeer.of(new InetSocketAddress("127.0.0.1", 6881)),
                TrackerPeer.of(new InetSocketAddress("127.0.0.1", 6882)),
                TrackerPeer.of(new InetSocketAddress("::1", 6881)),
                TrackerPeer.of(new InetSocketAddress("192.0.2.7", 6881)));
        assertEquals(List.of(new InetSocketAddress("127.0.0.1", 6882), new InetSocketAddress("192.0.2.7", 6881)),
                OwnAddress.others(answer, 6881));
    }

    @Test
    void an_address_of_one_of_our_interfaces_is_this_host() throws Exception {
        for (NetworkInterface face : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(face.getInetAddresses())) {
                assertTrue(OwnAddress.isThisHost(address), address + " of " + face.getName());
                assertTrue(OwnAddress.isSelf(new InetSocketAddress(address, 51413), 51413));
            }
        }
        assertTrue(OwnAddress.isThisHost(InetAddress.getByName("0.0.0.0")));
        assertFalse(OwnAddress.isThisHost(InetAddress.getByName("192.0.2.7")), "TEST-NET-1 is nobody's");
    }
}
