package dev.shoal.tracker.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OwnAddressesTest {

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @ParameterizedTest
    @CsvSource({"8.8.4.4, true", "198.18.0.9, true", "10.1.2.3, false", "172.16.0.1, false", "192.168.1.1, false",
        "100.64.0.1, false", "127.0.0.1, false", "169.254.1.1, false", "0.0.0.0, false", "224.0.0.1, false",
        "203.0.113.7, false", "2a00:1450::1, true", "2001:db8::1, false", "::1, false", "fe80::1, false",
        "fd00::2, false", "ff02::1, false", "::, false"})
    void tellsAddressesPeersOnTheInternetCanReach(String address, boolean global) {
        assertEquals(global, OwnAddresses.isGlobal(ip(address)), address);
    }

    @Test
    void takesTheFirstGlobalAddressOfEachFamilyAndTheRoutersIpv4First() {
        List<InetAddress> interfaces = List.of(ip("192.168.1.20"), ip("fd00::2"), ip("fe80::1"),
                ip("2a00:1450::20"), ip("8.8.4.4"), ip("2a00:1450::21"));
        OwnAddresses own = new OwnAddresses(() -> interfaces, () -> 0);

        assertEquals(Optional.of(ip("2a00:1450::20")), own.ipv6());
        assertEquals(Optional.of(ip("8.8.4.4")), own.ipv4());
        own.external(ip("198.18.0.9"));
        assertEquals(Optional.of(ip("198.18.0.9")), own.ipv4());
        own.external(null);
        assertEquals(Optional.of(ip("8.8.4.4")), own.ipv4());
    }

    @Test
    void behindNatAndWithoutIpv6ThereIsNothingToName() {
        OwnAddresses own = new OwnAddresses(() -> List.of(ip("192.168.1.20"), ip("fe80::1")), () -> 0);
        assertEquals(Optional.empty(), own.ipv4());
        assertEquals(Optional.empty(), own.ipv6());
    }

    @Test
    void readsTheInterfacesOncePerRescanInterval() {
        AtomicInteger scans = new AtomicInteger();
        AtomicLong now = new AtomicLong();
        List<InetAddress> interfaces = new ArrayList<>(List.of(ip("2a00:1450::20")));
        OwnAddresses own = new OwnAddresses(() -> {
            scans.incrementAndGet();
            return List.copyOf(interfaces);
        }, now::get);

        own.ipv6();
        own.ipv4();
        interfaces.set(0, ip("2a00:1450::99"));
        now.set(OwnAddresses.RESCAN_MILLIS - 1);
        assertEquals(Optional.of(ip("2a00:1450::20")), own.ipv6());
        assertEquals(1, scans.get());
        now.set(OwnAddresses.RESCAN_MILLIS);
        assertEquals(Optional.of(ip("2a00:1450::99")), own.ipv6());
        assertEquals(2, scans.get());
    }
}
