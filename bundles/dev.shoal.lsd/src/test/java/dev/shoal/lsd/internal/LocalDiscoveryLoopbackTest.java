package dev.shoal.lsd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.engine.api.PeerLookup;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.test.support.LoopbackMulticast;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two discoveries on the loopback interface, as two clients on one host: each hears the other's
 * announce and not its own, a third party's announces reach the right torrent only, and what breaks
 * the rules or the rate limit never reaches a sink. A group port of its own keeps the test away from
 * real clients on 6771.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocalDiscoveryLoopbackTest {

    private static final InfoHash SHARED = InfoHash.fromHex("00112233445566778899aabbccddeeff00112233");
    private static final InfoHash OTHER = InfoHash.fromHex("ffeeddccbbaa99887766554433221100ffeeddcc");
    private static final InfoHash UNKNOWN = InfoHash.fromHex("0123456789abcdef0123456789abcdef01234567");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static NetworkInterface loopback;
    private final int groupPort = ThreadLocalRandom.current().nextInt(20_000, 60_000);

    @BeforeAll
    static void multicastOnLoopback() {
        loopback = LoopbackMulticast.requireIpv4();
    }

    private LocalDiscovery discovery() {
        return new LocalDiscovery(new LsdSettings(true, true, false, List.of(loopback.getName()),
                Duration.ofMinutes(5), groupPort), () -> null);
    }

    @Test
    void twoClientsOnOneHostHearEachOtherAndNotThemselves() throws Exception {
        HeardPeers firstHeard = new HeardPeers();
        HeardPeers secondHeard = new HeardPeers();
        try (LocalDiscovery first = discovery(); LocalDiscovery second = discovery()) {
            PeerLookup a = first.lookup(SHARED, 1111, firstHeard);
            PeerLookup b = second.lookup(SHARED, 2222, secondHeard);
            assertEquals(new InetSocketAddress(InetAddress.getLoopbackAddress(), 2222), firstHeard.next(WAIT),
                    "the first hears the second's announce");
            assertEquals(new InetSocketAddress(InetAddress.getLoopbackAddress(), 1111), secondHeard.next(WAIT),
                    "the second hears the first's announce");
            a.close();
            b.close();
        }
        assertTrue(firstHeard.peers.stream().noneMatch(peer -> peer.getPort() == 1111), "the first heard itself");
        assertTrue(secondHeard.peers.stream().noneMatch(peer -> peer.getPort() == 2222), "the second heard itself");
    }

    @Test
    void announcesReachTheirTorrentOnlyAndBadOrOwnOrTooManyNever() throws Exception {
        HeardPeers shared = new HeardPeers();
        HeardPeers other = new HeardPeers();
        try (DatagramChannel listener = groupListener();
                LocalDiscovery discovery = discovery();
                DatagramChannel peer = DatagramChannel.open(StandardProtocolFamily.INET)) {
            discovery.lookup(SHARED, 1111, shared);
            PeerLookup otherLookup = discovery.lookup(OTHER, 1111, other);
            awaitListening(listener, discovery);
            peer.setOption(StandardSocketOptions.IP_MULTICAST_IF, loopback);
            InetSocketAddress group = new InetSocketAddress("239.192.152.143", groupPort);

            // Refused: a bad port, a bad hash, our own cookie, an oversized datagram.
            send(peer, group, message(0, SHARED.hex(), "c0ffee"));
            send(peer, group, message(3000, SHARED.hex().substring(1), "c0ffee"));
            send(peer, group, message(3001, SHARED.hex(), discovery.cookie()));
            send(peer, group, message(3002, SHARED.hex(), "c0ffee").replace("\r\n\r\n",
                    "\r\nX-Pad: " + "p".repeat(1400) + "\r\n\r\n"));
            // Accepted: a message naming the shared torrent only.
            send(peer, group, message(4000, SHARED.hex(), "c0ffee"));
            assertEquals(4000, shared.next(WAIT).getPort(), "the first good announce is the first heard");
            assertTrue(other.peers.isEmpty(), "another torrent's sink heard an announce not naming it");

            // Refused and own announces, and those of torrents not looked up here, cost the source
            // nothing; its burst of 10 is the good one above and 9 of the 12 below: the 10th and on
            // are dropped.
            for (int i = 1; i <= 20; i++) {
                send(peer, group, message(5000 + i, UNKNOWN.hex(), "c0ffee"));
            }
            for (int i = 1; i <= 12; i++) {
                send(peer, group, message(4000 + i, SHARED.hex(), "c0ffee"));
            }
            for (int i = 1; i <= 9; i++) {
                assertEquals(4000 + i, shared.next(WAIT).getPort());
            }
            assertEquals(null, shared.next(Duration.ofMillis(500)), "over the rate limit, yet heard");
            otherLookup.close();
        }
    }

    @Test
    void eachAnnounceGoesOutThreeTimes() throws Exception {
        try (DatagramChannel listener = groupListener()) {
            try (LocalDiscovery discovery = discovery()) {
                discovery.lookup(SHARED, 1111, new HeardPeers());
                for (int send = 1; send <= 3; send++) {
                    Announcement heard = receive(listener);
                    assertEquals(new Announcement(1111, List.of(SHARED), discovery.cookie()), heard, "send " + send);
                }
            }
        }
    }

    /**
     * Returns once the discovery has joined the group: it announces only through the sender it opens
     * after joining, so its first announce heard on {@code listener} (joined before the lookups)
     * proves that datagrams sent now reach it; it joins on its own thread, after {@code lookup} returned.
     */
    private static void awaitListening(DatagramChannel listener, LocalDiscovery discovery) throws Exception {
        while (!discovery.cookie().equals(receive(listener).cookie())) {
            // another client's announce on this group port: keep listening
        }
    }

    private DatagramChannel groupListener() throws Exception {
        DatagramChannel listener = DatagramChannel.open(StandardProtocolFamily.INET);
        listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        listener.bind(new InetSocketAddress(groupPort));
        listener.join(InetAddress.getByName("239.192.152.143"), loopback);
        listener.socket().setSoTimeout((int) WAIT.toMillis());
        return listener;
    }

    private static Announcement receive(DatagramChannel listener) throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(AnnouncementCodec.MAX_MESSAGE);
        java.net.DatagramPacket packet = new java.net.DatagramPacket(buffer.array(), buffer.capacity());
        listener.socket().receive(packet);
        return AnnouncementCodec.decode(ByteBuffer.wrap(packet.getData(), 0, packet.getLength()));
    }

    private static String message(int port, String hash, String cookie) {
        return "BT-SEARCH * HTTP/1.1\r\nHost: 239.192.152.143:6771\r\nPort: " + port + "\r\nInfohash: " + hash
                + "\r\ncookie: " + cookie + "\r\n\r\n\r\n";
    }

    private static void send(DatagramChannel channel, InetSocketAddress group, String text) throws Exception {
        channel.send(ByteBuffer.wrap(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), group);
    }
}
