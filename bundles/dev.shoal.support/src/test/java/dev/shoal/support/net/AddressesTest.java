package dev.shoal.support.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1 | 127.0.0.1:6881",
        "::1 | [::1]:6881",
        "0:0:0:0:0:0:0:0 | [::]:6881",
        "2001:db8:0:0:1:0:0:1 | [2001:db8::1:0:0:1]:6881",
        "2001:0db8:0000:0000:0000:0000:0002:0001 | [2001:db8::2:1]:6881",
        "2001:db8:0:1:1:1:1:1 | [2001:db8:0:1:1:1:1:1]:6881",
        "fe80:0:0:0:0:0:0:0 | [fe80::]:6881",
        "1:0:0:2:0:0:0:3 | [1:0:0:2::3]:6881",
        "::ffff:10.1.2.3 | 10.1.2.3:6881",
        "::10.1.2.3 | [::a01:203]:6881",
    })
    void writesAddressesShortAndBracketed(String ip, String expected) throws Exception {
        assertEquals(expected, Addresses.format(new InetSocketAddress(InetAddress.getByName(ip), 6881)));
    }

    @Test
    void anUnresolvedAddressKeepsItsName() {
        assertEquals("tracker.example:80", Addresses.format(InetSocketAddress.createUnresolved("tracker.example", 80)));
        assertEquals("-", Addresses.format(null));
    }

    @Test
    void tellsTheInternetFromPrivateNetworks() throws Exception {
        for (String address : List.of("203.0.113.9", "8.8.8.8", "2001:db8::1", "::ffff:1.2.3.4")) {
            assertTrue(Addresses.isPublic(InetAddress.getByName(address)), address);
        }
        for (String address : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.1.1",
                "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "fd12::1", "::",
                "::ffff:192.168.1.1")) {
            assertFalse(Addresses.isPublic(InetAddress.getByName(address)), address);
        }
        assertFalse(Addresses.isPublic(null));
    }

    @Test
    void tellsTheFamilies() throws Exception {
        assertTrue(Addresses.isV6(InetAddress.getByName("::1")));
        assertFalse(Addresses.isV6(InetAddress.getByName("127.0.0.1")));
        assertFalse(Addresses.isV6(InetAddress.getByAddress(
                new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 1, 2, 3, 4})));
    }
}
