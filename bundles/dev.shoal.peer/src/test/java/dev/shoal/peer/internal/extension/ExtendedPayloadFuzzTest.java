package dev.shoal.peer.internal.extension;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.peer.internal.codec.WireLimits;
import dev.shoal.peer.internal.metadata.MetadataFetcher;
import dev.shoal.peer.internal.metadata.MetadataMessage;
import dev.shoal.peer.internal.metadata.MetadataServer;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Coverage-guided fuzzing (Jazzer) of the extended messages' payloads as {@link ExtensionRegistry}
 * hands them on: a peer's BEP 10 handshakes (parsed, merged into its view, told to the handler) and
 * BEP 9 ut_metadata messages, to a real {@link MetadataFetcher} (two peers) and a real
 * {@link MetadataServer}, on a stepped clock. Like the registry, an {@link ExtensionException} drops
 * the peer (nothing more reaches the handler from it) and the connection's close follows. Properties:
 * <ul>
 * <li>nothing but an {@link ExtensionException} comes out of a parser or a handler;
 * <li>a parsed handshake keeps its bounds (ids 0..255, {@code v} cut) and re-encodes to bytes that
 *     parse equal; a parsed ut_metadata message re-encodes to bytes that parse equal;
 * <li>what the fetcher and the server send parses: the fetcher's requests within the cap's pieces
 *     (it rejects requests), the server's data within the metadata's pieces and 16 KiB;
 *     the fetcher never takes a size above its cap, and hands on only metadata matching the hash;
 * <li>no step allocates more than a small multiple of its payload plus the fetcher's cap
 *     ({@link #CAP}, far below what a hostile {@code metadata_size} or {@code total_size} asks).
 * </ul>
 *
 * <p>Input layout: records of an op byte and, for ops 0 to 2, a two-byte big-endian length and the
 * payload (cut short at the input's end). Op bits 0-1: 0 a handshake to the fetcher, 1 a ut_metadata
 * message to the fetcher, 2 one to the server, 3 the clock steps {@code op >>> 2} seconds and the
 * fetcher ticks; bit 2 picks the fetcher's peer. A plain test run replays the seeds in
 * {@code ExtendedPayloadFuzzTestInputs/fuzzExtended}; {@code JAZZER_FUZZ=1} fuzzes for
 * {@code maxDuration} (the module's pom does that in its {@code fuzz} surefire execution).
 */
class ExtendedPayloadFuzzTest {

    /** The fetcher's {@code maxSize}: four pieces, so fuzzed data can fill it. */
    static final long CAP = 4 * MetadataMessage.PIECE_LENGTH;
    /** The metadata the fetcher wants; the seeds hold it as a data message. */
    static final byte[] WANTED = "d6:lengthi1e4:name1:a12:piece lengthi16384e6:pieces20:aaaaaaaaaaaaaaaaaaaae"
            .getBytes(StandardCharsets.US_ASCII);
    /** What the server has: three pieces, the last one short. */
    static final int SERVED = 40_000;
    /** Allocation allowed to one step beyond 8 times its payload and twice the cap (buffer and copy). */
    private static final long ALLOCATION_SLACK = 256 * 1024;

    private final ExtensionPayloads payloads = new ExtensionPayloads(ExtensionPayloads.maxPayload(WireLimits.DEFAULT));
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @FuzzTest(maxDuration = "20s")
    void fuzzExtended(byte[] input) throws Exception {
        Run run = new Run();
        run.feed(input);
        if (run.overAllocation != null) {
            // The first run of a path loads classes and links string concatenations: count only what recurs.
            Run rerun = new Run();
            rerun.feed(input);
            assertNull(rerun.overAllocation, rerun.overAllocation);
        }
    }

    /** One fetcher with its two peers and one server with its peer, fed the input's records. */
    private final class Run {

        final AtomicLong now = new AtomicLong(1_000);
        final List<byte[]> verified = new ArrayList<>();
        final MetadataFetcher fetcher;
        final MetadataServer server;
        final Peer[] fetchFrom = {new Peer(), new Peer()};
        final Peer serveTo = new Peer();
        String overAllocation;

        Run() throws Exception {
            InfoHash hash = InfoHash.v1(MessageDigest.getInstance("SHA-1").digest(WANTED));
            fetcher = new MetadataFetcher(hash, CAP, payloads, now::get, verified::add);
            byte[] info = new byte[SERVED];
            for (int i = 0; i < info.length; i++) {
                info[i] = (byte) (i * 31);
            }
            server = new MetadataServer(info, payloads, now::get);
            serveTo.handshake = serveTo.handshake.updatedBy(new ExtensionHandshake(
                    Map.of(MetadataMessage.EXTENSION, 3), Optional.empty(), 0, 0, Optional.empty(), -1));
        }

        void feed(byte[] input) throws Exception {
            int at = 0;
            while (at < input.length) {
                int op = Byte.toUnsignedInt(input[at++]);
                if ((op & 3) == 3) {
                    now.addAndGet((op >>> 2) * 1000L);
                    fetcher.tick();
                    checkFetcher();
                    continue;
                }
                int length = 0;
                for (int i = 0; i < 2 && at < input.length; i++) {
                    length = length << 8 | Byte.toUnsignedInt(input[at++]);
                }
                int end = Math.min(input.length, at + length);
                byte[] payload = Arrays.copyOfRange(input, at, end);
                at = end;
                long before = threads.getCurrentThreadAllocatedBytes();
                step(op, payload);
                long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                if (allocated > ALLOCATION_SLACK + 8L * payload.length + 2 * CAP && overAllocation == null) {
                    overAllocation = "op " + (op & 7) + " on " + payload.length + " bytes allocated " + allocated;
                }
            }
        }

        private void step(int op, byte[] payload) throws Exception {
            Peer peer = (op & 3) == 2 ? serveTo : fetchFrom[op >>> 2 & 1];
            if (peer.dropped != null) {
                return; // the registry passes nothing on from a dropped peer
            }
            try {
                if ((op & 3) == 0) {
                    ExtensionHandshake theirs = ExtensionHandshake.parse(payload, payloads);
                    checkHandshake(theirs);
                    peer.handshake = peer.handshake.updatedBy(theirs);
                    fetcher.handshakeReceived(peer);
                } else {
                    Optional<MetadataMessage> message = MetadataMessage.parse(payload, payloads);
                    message.ifPresent(this::checkMessage);
                    (peer == serveTo ? server : fetcher).received(peer, payload);
                }
            } catch (ExtensionException e) {
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "an error without a reason");
                peer.drop(e.getMessage());
            }
            if (peer.dropped != null) {
                // The connection closes; MINA tells the registry, which tells the handlers.
                (peer == serveTo ? server : fetcher).closed(peer);
            }
            checkFetcher();
            for (byte[] sent : serveTo.sent) {
                MetadataMessage answer = MetadataMessage.parse(sent, payloads).orElseThrow();
                assertTrue(answer.type() != MetadataMessage.REQUEST, "the server asked: " + answer);
                assertTrue(answer.data().length <= MetadataMessage.PIECE_LENGTH, answer::toString);
                if (answer.type() == MetadataMessage.DATA) {
                    assertEquals(MetadataMessage.pieceSize(SERVED, answer.piece()), answer.data().length);
                }
            }
            serveTo.sent.clear();
        }

        private void checkHandshake(ExtensionHandshake theirs) {
            theirs.messages().values().forEach(id -> assertTrue(id >= 0 && id <= ExtensionHandshake.MAX_ID));
            theirs.client().ifPresent(v -> assertTrue(v.length() <= ExtensionHandshake.MAX_CLIENT_LENGTH, v));
            try {
                assertEquals(theirs, ExtensionHandshake.parse(theirs.encode(), payloads), "re-encoded handshake");
            } catch (ExtensionException e) {
                throw new AssertionError("a re-encoded " + theirs + " is refused: " + e.getMessage(), e);
            }
        }

        private void checkMessage(MetadataMessage message) {
            assertTrue(message.piece() >= 0, message::toString);
            assertTrue(message.type() == MetadataMessage.DATA || message.data().length == 0, message::toString);
            try {
                MetadataMessage again = MetadataMessage.parse(message.encode(), payloads).orElseThrow();
                assertEquals(message.toString(), again.toString(), "re-encoded ut_metadata message");
                assertArrayEquals(message.data(), again.data(), "re-encoded ut_metadata data");
            } catch (ExtensionException e) {
                throw new AssertionError("a re-encoded " + message + " is refused: " + e.getMessage(), e);
            }
        }

        private void checkFetcher() throws ExtensionException {
            assertTrue(fetcher.metadataSize() <= CAP, () -> "fetching " + fetcher.metadataSize() + " bytes");
            assertTrue(verified.isEmpty() || verified.size() == 1 && Arrays.equals(WANTED, verified.get(0)),
                    "handed on metadata that is not the wanted one");
            for (Peer peer : fetchFrom) {
                for (byte[] sent : peer.sent) {
                    // Requests within the cap's pieces, or rejects of what the peer asked of a fetcher.
                    MetadataMessage request = MetadataMessage.parse(sent, payloads).orElseThrow();
                    assertTrue(request.type() == MetadataMessage.REJECT || request.type() == MetadataMessage.REQUEST
                            && request.piece() < MetadataMessage.pieceCount(CAP), request::toString);
                }
                peer.sent.clear();
            }
        }
    }

    /** A peer as the registry's session shows it to a handler: its merged handshake, what it is sent. */
    private static final class Peer implements ExtensionPeer {
        private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 1);
        ExtensionHandshake handshake = ExtensionHandshake.NONE;
        final List<byte[]> sent = new ArrayList<>();
        String dropped;

        @Override
        public InetSocketAddress address() {
            return LOOPBACK;
        }

        @Override
        public ExtensionHandshake handshake() {
            return handshake;
        }

        @Override
        public void send(String extension, byte[] payload) {
            if (handshake.idOf(extension) != 0 && dropped == null) {
                sent.add(payload);
            }
        }

        @Override
        public void drop(String reason) {
            if (dropped == null) {
                dropped = reason;
            }
        }
    }
}
