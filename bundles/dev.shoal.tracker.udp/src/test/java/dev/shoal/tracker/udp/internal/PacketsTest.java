package dev.shoal.tracker.udp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.tracker.api.AnnounceEvent;
import dev.shoal.tracker.api.AnnounceResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacketsTest {

    @Test
    void connectRequestStartsWithTheProtocolId() {
        ByteBuffer packet = Packets.connect(0x01020304);
        assertEquals(16, packet.remaining());
        assertEquals(0x41727101980L, packet.getLong(0));
        assertEquals(0, packet.getInt(8));
        assertEquals(0x01020304, packet.getInt(12));
    }

    @Test
    void announceRequestLayoutAndEventCodes() {
        ByteBuffer packet = Packets.announce(42, 7, UdpTrackerClientTest.request().withEvent(AnnounceEvent.STOPPED));
        assertEquals(98, packet.remaining());
        assertEquals(42, packet.getLong(0));
        assertEquals(1, packet.getInt(8));
        assertEquals(7, packet.getInt(12));
        assertEquals(2, packet.getLong(56), "downloaded");
        assertEquals(3, packet.getLong(64), "left");
        assertEquals(1, packet.getLong(72), "uploaded");
        assertEquals(3, packet.getInt(80), "stopped");
        assertEquals(0x1234, packet.getInt(88), "key");
        assertEquals(1, Packets.announce(0, 0, UdpTrackerClientTest.request().withEvent(AnnounceEvent.COMPLETED))
                .getInt(80));
        assertEquals(0, Packets.announce(0, 0, UdpTrackerClientTest.request().withEvent(AnnounceEvent.NONE))
                .getInt(80));
    }

    @Test
    void announceAnswerDropsAPartialEntryAndPortZero() {
        ByteBuffer answer = ByteBuffer.allocate(20 + 6 + 6 + 3).putInt(1).putInt(0).putInt(0).putInt(2).putInt(3)
                .put(new byte[] {10, 0, 0, 1, 0, 80}).put(new byte[] {10, 0, 0, 2, 0, 0}).put(new byte[3]).flip();
        AnnounceResponse response = Packets.announceAnswer(answer, false);
        assertEquals(1, response.peers().size());
        assertEquals(Duration.ofSeconds(1), response.interval(), "a zero interval is raised to one second");
    }

    @Test
    void scrapeAnswerFollowsTheOrderAsked() {
        InfoHash a = InfoHash.v1(new byte[20]);
        ByteBuffer answer = ByteBuffer.allocate(20).putInt(2).putInt(0).putInt(7).putInt(8).putInt(9).flip();
        assertEquals(7, Packets.scrapeAnswer(answer, List.of(a)).stats(a).orElseThrow().complete());
    }
}
