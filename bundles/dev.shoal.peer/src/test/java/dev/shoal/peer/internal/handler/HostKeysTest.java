package dev.shoal.peer.internal.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class HostKeysTest {

    @Test
    void anIpv4AddressIsItsOwnHost() throws Exception {
        assertEquals(InetAddress.getByName("10.0.0.7"), HostKeys.of(InetAddress.getByName("10.0.0.7")));
        assertNotEquals(HostKeys.of(InetAddress.getByName("10.0.0.7")), HostKeys.of(InetAddress.getByName("10.0.0.8")));
    }

    @Test
    void anIpv6HostIsItsSlash64() throws Exception {
        InetAddress one = HostKeys.of(InetAddress.getByName("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        InetAddress other = HostKeys.of(InetAddress.getByName("2001:db8:1:2::1"));
        assertEquals(InetAddress.getByName("2001:db8:1:2::"), one);
        assertEquals(one, other);
        assertNotEquals(one, HostKeys.of(InetAddress.getByName("2001:db8:1:3::1")));
    }
}
