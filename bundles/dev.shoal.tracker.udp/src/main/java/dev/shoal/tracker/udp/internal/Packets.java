package dev.shoal.tracker.udp.internal;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.tracker.api.AnnounceRequest;
import dev.shoal.tracker.api.AnnounceResponse;
import dev.shoal.tracker.api.ScrapeResponse;
import dev.shoal.tracker.api.ScrapeStats;
import dev.shoal.tracker.api.TrackerPeer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The BEP 15 packets: requests written, answers read. All integers are big-endian. */
final class Packets {

    /** The magic constant a connect request starts with. */
    static final long PROTOCOL_ID = 0x41727101980L;

    static final int CONNECT = 0;
    static final int ANNOUNCE = 1;
    static final int SCRAPE = 2;
    static final int ERROR = 3;

    /** action + transaction id: every answer starts with them. */
    static final int HEADER = 8;
    static final int CONNECT_ANSWER = 16;
    static final int ANNOUNCE_ANSWER = 20;
    static final int SCRAPE_ENTRY = 12;
    /** BEP 15: "up to about 74 torrents can be scraped at once". */
    static final int MAX_SCRAPE_HASHES = 74;

    private Packets() {
    }

    static ByteBuffer connect(int transactionId) {
        return ByteBuffer.allocate(16).putLong(PROTOCOL_ID).putInt(CONNECT).putInt(transactionId).flip();
    }

    static ByteBuffer announce(long connectionId, int transactionId, AnnounceRequest request) {
        return ByteBuffer.allocate(98)
                .putLong(connectionId).putInt(ANNOUNCE).putInt(transactionId)
                .put(request.infoHash().bytes()).put(request.peerId())
                .putLong(request.downloaded()).putLong(request.left()).putLong(request.uploaded())
                .putInt(eventCode(request))
                .putInt(0) // IP address: 0 means the sender's
                .putInt(request.key())
                .putInt(request.numWant())
                .putShort((short) request.port())
                .flip();
    }

    static ByteBuffer scrape(long connectionId, int transactionId, List<InfoHash> infoHashes) {
        ByteBuffer packet = ByteBuffer.allocate(16 + 20 * infoHashes.size())
                .putLong(connectionId).putInt(SCRAPE).putInt(transactionId);
        infoHashes.forEach(hash -> packet.put(hash.bytes()));
        return packet.flip();
    }

    /** BEP 15 numbers events differently from their order in BEP 3. */
    private static int eventCode(AnnounceRequest request) {
        switch (request.event()) {
            case COMPLETED:
                return 1;
            case STARTED:
                return 2;
            case STOPPED:
                return 3;
            default:
                return 0;
        }
    }

    static int action(ByteBuffer answer) {
        return answer.getInt(0);
    }

    static int transactionId(ByteBuffer answer) {
        return answer.getInt(4);
    }

    static long connectionId(ByteBuffer answer) {
        return answer.getLong(8);
    }

    static String errorMessage(ByteBuffer answer) {
        byte[] text = new byte[answer.limit() - HEADER];
        answer.get(HEADER, text);
        return new String(text, StandardCharsets.UTF_8);
    }

    /**
     * An announce answer; peers are 6-byte entries from an IPv4 tracker, 18-byte ones from an IPv6
     * tracker. A trailing partial entry is dropped.
     */
    static AnnounceResponse announceAnswer(ByteBuffer answer, boolean ipv6) {
        long interval = Integer.toUnsignedLong(answer.getInt(8));
        long leechers = Integer.toUnsignedLong(answer.getInt(12));
        long seeders = Integer.toUnsignedLong(answer.getInt(16));
        int addressLength = ipv6 ? 16 : 4;
        int entry = addressLength + 2;
        List<TrackerPeer> peers = new ArrayList<>();
        for (int at = ANNOUNCE_ANSWER; at + entry <= answer.limit(); at += entry) {
            byte[] address = new byte[addressLength];
            answer.get(at, address);
            int port = Short.toUnsignedInt(answer.getShort(at + addressLength));
            if (port != 0) {
                peers.add(TrackerPeer.of(new InetSocketAddress(address(address), port)));
            }
        }
        // A zero interval would make us hammer the tracker; the announcer clamps it anyway.
        return new AnnounceResponse(Duration.ofSeconds(Math.max(1, interval)), Optional.empty(), Optional.empty(),
                OptionalInt.of(clamp(seeders)), OptionalInt.of(clamp(leechers)), peers, Optional.empty());
    }

    static ScrapeResponse scrapeAnswer(ByteBuffer answer, List<InfoHash> asked) {
        Map<InfoHash, ScrapeStats> files = new HashMap<>();
        for (int i = 0; i < asked.size() && HEADER + (i + 1) * SCRAPE_ENTRY <= answer.limit(); i++) {
            int at = HEADER + i * SCRAPE_ENTRY;
            files.put(asked.get(i), new ScrapeStats(Integer.toUnsignedLong(answer.getInt(at)),
                    Integer.toUnsignedLong(answer.getInt(at + 4)), Integer.toUnsignedLong(answer.getInt(at + 8))));
        }
        return new ScrapeResponse(files);
    }

    private static int clamp(long count) {
        return (int) Math.min(Integer.MAX_VALUE, count);
    }

    private static InetAddress address(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }
}
