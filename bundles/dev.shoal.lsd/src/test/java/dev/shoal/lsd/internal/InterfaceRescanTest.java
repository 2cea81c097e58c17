package dev.shoal.lsd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
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
 * Interfaces coming and going, fed from the host's real interfaces through {@link InterfaceChoice.Source}:
 * the loopback interface shown or hidden stands for a Wi-Fi or VPN link coming up or going away.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InterfaceRescanTest {

    private static final InfoHash SHARED = InfoHash.fromHex("00112233445566778899aabbccddeeff00112233");

    private static NetworkInterface loopback;
    private final int groupPort = ThreadLocalRandom.current().nextInt(20_000, 60_000);

    @BeforeAll
    static void multicastOnLoopback() {
        loopback = LoopbackMulticast.requireIpv4();
    }

    @Test
    void choiceTakesTheNamedInterfacesThatAreThereOrEveryMulticastOneButLoopback() throws Exception {
        List<NetworkInterface> host = Collections.list(NetworkInterface.getNetworkInterfaces());
        assertEquals(List.of(loopback), new InterfaceChoice(List.of(loopback.getName()), () -> host, () -> null).choose().interfaces());
        assertEquals(List.of(), new InterfaceChoice(List.of("shoal-none0"), () -> host, () -> null).choose().interfaces());
        InterfaceChoice named = new InterfaceChoice(List.of(loopback.getName()), List::of, () -> null);
        assertEquals(List.of(), named.choose().interfaces(), "not listed: not chosen");
        List<NetworkInterface> any = new InterfaceChoice(List.of(), () -> host, () -> null).choose().interfaces();
        assertFalse(any.contains(loopback), "loopback only when named");
        for (NetworkInterface nif : any) {
            assertTrue(nif.isUp() && nif.supportsMulticast(), nif.getName());
        }
    }

    @Test
    void channelsJoinAnInterfaceOnceLeaveItWhenGoneAndJoinItAgainWhenBack() throws Exception {
        try (MulticastChannels channels = new MulticastChannels(
                List.of(MulticastChannels.Group.V4, MulticastChannels.Group.V6), groupPort)) {
            assertFalse(channels.update(List.of(), InterfaceChoice.Chosen.ANY), "nothing to join");
            assertTrue(channels.senders().isEmpty());
            assertTrue(channels.receivers().isEmpty(), "no receiver before an interface needs one");

            assertTrue(channels.update(List.of(loopback), InterfaceChoice.Chosen.ANY), "loopback joined");
            List<MulticastChannels.Sender> senders = channels.senders();
            long v4 = senders.stream().filter(s -> s.group == MulticastChannels.Group.V4).count();
            assertEquals(1, v4, "one IPv4 sender on the loopback interface");
            assertFalse(channels.update(List.of(loopback), InterfaceChoice.Chosen.ANY), "the same interface again: nothing new");
            assertSame(senders.get(0), channels.senders().get(0), "and nothing reopened");

            assertFalse(channels.update(List.of(), InterfaceChoice.Chosen.ANY), "gone");
            assertTrue(channels.senders().isEmpty(), "its senders closed");
            assertTrue(senders.stream().noneMatch(s -> s.channel.isOpen()));

            assertTrue(channels.update(List.of(loopback), InterfaceChoice.Chosen.ANY), "back: joined again");
            assertEquals(senders.size(), channels.senders().size());
        }
    }

    @Test
    void anInterfaceThatComesUpLaterIsJoinedAndTheTorrentsAnnouncedOnItAtOnce() throws Exception {
        AtomicReference<List<NetworkInterface>> shown = new AtomicReference<>(List.of());
        HeardPeers second = new HeardPeers();
        LsdSettings settings = new LsdSettings(true, true, false, List.of(loopback.getName()),
                Duration.ofMinutes(5), groupPort);
        try (LocalDiscovery late = new LocalDiscovery(settings, shown::get, () -> null, Duration.ofMillis(200));
                LocalDiscovery present = new LocalDiscovery(settings, () -> null)) {
            late.lookup(SHARED, 1111, new HeardPeers());
            present.lookup(SHARED, 2222, second);
            // The late one's first round comes due with no interface to send on: nothing goes out.
            // Waited past its repeats too (2 s and 6 s after it), which must not stand in for the announce.
            assertNull(second.next(Duration.ofSeconds(8)), "announced with no interface");
            shown.set(List.of(loopback));
            // Its due announce goes out as soon as a rescan joins the interface, not an interval later.
            assertEquals(new InetSocketAddress(InetAddress.getLoopbackAddress(), 1111),
                    second.next(Duration.ofSeconds(10)), "the second hears the late one");
        }
    }
}
