package dev.shoal.lsd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.test.support.LoopbackMulticast;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A peer wire listening on one address (127.0.0.1 here, a VPN's in life) keeps local discovery to
 * the interface holding it, and to its address family: on the real loopback interface.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ListenAddressTest {

    private static final InfoHash SHARED = InfoHash.fromHex("00112233445566778899aabbccddeeff00112233");
    private static final InetAddress LOCALHOST = InetAddress.getLoopbackAddress();
    /** TEST-NET-1: no interface of the host holds it. */
    private static final InetAddress NOWHERE = address("192.0.2.7");

    private static NetworkInterface loopback;
    private final int groupPort = ThreadLocalRandom.current().nextInt(20_000, 60_000);

    @BeforeAll
    static void multicastOnLoopback() {
        loopback = LoopbackMulticast.requireIpv4();
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void choiceKeepsToTheInterfaceHoldingTheListenAddressAndItsFamily() throws Exception {
        List<NetworkInterface> host = Collections.list(NetworkInterface.getNetworkInterfaces());
        InterfaceChoice.Chosen bound = new InterfaceChoice(List.of(), () -> host, () -> LOCALHOST).choose();
        assertEquals(List.of(loopback), bound.interfaces(), "loopback alone, though not named");
        assertTrue(bound.addresses().test(LOCALHOST));
        assertFalse(bound.addresses().test(address("::1")), "not the other family");

        List<NetworkInterface> every = new InterfaceChoice(List.of(), () -> host, () -> null).choose().interfaces();
        InterfaceChoice.Chosen wildcard = new InterfaceChoice(List.of(), () -> host, () -> address("0.0.0.0"))
                .choose();
        assertEquals(every, wildcard.interfaces(), "bound to every interface: as if unbound");
        assertFalse(wildcard.interfaces().contains(loopback));
        assertTrue(wildcard.addresses().test(address("::1")));

        assertEquals(List.of(), new InterfaceChoice(List.of(), () -> host, () -> NOWHERE).choose().interfaces(),
                "an address no interface holds: none");
        assertEquals(List.of(), new InterfaceChoice(List.of("shoal-none0"), () -> host, () -> LOCALHOST).choose()
                .interfaces(), "the holder, when interfaces are named, only if named");
    }

    @Test
    void channelsOpenOnlyTheListenAddressFamily() throws Exception {
        try (MulticastChannels channels = new MulticastChannels(
                List.of(MulticastChannels.Group.V4, MulticastChannels.Group.V6), groupPort)) {
            InterfaceChoice.Chosen chosen = new InterfaceChoice(List.of(),
                    () -> List.of(loopback), () -> LOCALHOST).choose();
            assertTrue(channels.update(chosen.interfaces(), chosen.addresses()));
            assertEquals(List.of(MulticastChannels.Group.V4),
                    channels.senders().stream().map(sender -> sender.group).toList());
        }
    }

    @Test
    void aDiscoveryBoundToOneAddressAnnouncesOnItsInterfaceOnlyAndFollowsItWhenItMoves() throws Exception {
        LsdSettings named = new LsdSettings(true, true, false, List.of(loopback.getName()), Duration.ofMinutes(5),
                groupPort);
        LsdSettings every = new LsdSettings(true, true, false, List.of(), Duration.ofMinutes(5), groupPort);
        AtomicReference<InetAddress> wire = new AtomicReference<>(NOWHERE);
        HeardPeers listener = new HeardPeers();
        try (LocalDiscovery hearing = new LocalDiscovery(named, () -> null);
                LocalDiscovery nowhere = new LocalDiscovery(named, wire::get);
                LocalDiscovery onLoopback = new LocalDiscovery(every, () -> LOCALHOST)) {
            hearing.lookup(SHARED, 2222, listener);
            nowhere.lookup(SHARED, 3333, new HeardPeers());
            // Configured for every interface, which leaves loopback out: only the bound address brings it in.
            onLoopback.lookup(SHARED, 1111, new HeardPeers());
            assertEquals(new InetSocketAddress(LOCALHOST, 1111), listener.next(Duration.ofSeconds(10)));
            // Past the announce and its two repeats: the one bound to an address no interface holds is silent,
            // though loopback is named in its settings (the other's repeats are heard meanwhile).
            long quietUntil = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            for (InetSocketAddress peer; (peer = listener.next(Duration.ofMillis(
                    Math.max(1, (quietUntil - System.nanoTime()) / 1_000_000)))) != null;) {
                assertEquals(1111, peer.getPort(), "announced off the peer wire's address");
            }

            wire.set(LOCALHOST);
            nowhere.listeningChanged();
            InetSocketAddress heard;
            do {
                heard = listener.next(Duration.ofSeconds(10));
                assertNotNull(heard, "once the peer wire listens on 127.0.0.1, announced there at once");
            } while (heard.getPort() == 1111);
            assertEquals(new InetSocketAddress(LOCALHOST, 3333), heard);
        }
    }
}
