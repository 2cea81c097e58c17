package dev.shoal.peer.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressFamiliesTest {

    private static final InetSocketAddress V4 = new InetSocketAddress("10.0.0.1", 6881);
    private static final InetSocketAddress V6 = new InetSocketAddress("2001:db8::1", 6881);
    /** Java reads an IPv4-mapped IPv6 address as the IPv4 address it is. */
    private static final InetSocketAddress MAPPED = new InetSocketAddress("::ffff:10.0.0.2", 6881);

    @Test
    void onlyTheAllowedFamiliesAreDialled() {
        List<InetSocketAddress> heard = List.of(V4, V6, MAPPED);
        assertEquals(heard, AddressFamilies.BOTH.dialable(heard));
        assertEquals(List.of(V4, MAPPED), AddressFamilies.IPV4.dialable(heard));
        assertEquals(List.of(V6), AddressFamilies.IPV6.dialable(heard));
    }

    @Test
    void anUnresolvedAddressIsLeftToTheDial() {
        assertTrue(AddressFamilies.IPV6.allows(InetSocketAddress.createUnresolved("peer.example", 6881)));
        assertFalse(AddressFamilies.IPV6.allows(V4));
    }

    @Test
    void everyInterfaceIsWrittenSeveralWays() {
        for (String wildcard : List.of("", "*", "0.0.0.0", "::", "[::]", " :: ")) {
            assertTrue(AddressFamilies.isEveryInterface(wildcard), wildcard);
        }
        assertFalse(AddressFamilies.isEveryInterface("::1"));
        assertFalse(AddressFamilies.isEveryInterface("127.0.0.1"));
    }

    @Test
    void aFamilySettingIsReadOrRefusedInOneLine() {
        assertEquals(AddressFamilies.IPV6, AddressFamilies.parse(" IPv6 "));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> AddressFamilies.parse("ipv5"));
        assertEquals("address families: 'ipv5' is not both, ipv4 or ipv6", bad.getMessage());
    }
}
