package dev.shoal.peer.internal.metadata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.peer.internal.extension.ExtensionException;
import dev.shoal.peer.internal.extension.ExtensionHandshake;
import dev.shoal.peer.internal.extension.ExtensionPayloads;
import dev.shoal.peer.internal.extension.ExtensionPeer;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The fetching rules, step by step on a stepped clock: requests per peer, back-offs, blame, verification. */
class MetadataFetcherTest {

    private static final ExtensionPayloads PAYLOADS = new ExtensionPayloads(1 << 20);

    private final byte[] info = new byte[40_000];
    private final InfoHash hash;
    private final AtomicLong now = new AtomicLong(1_000);
    private final List<byte[]> verified = new ArrayList<>();
    private final MetadataFetcher fetcher;

    MetadataFetcherTest() throws Exception {
        new Random(3).nextBytes(info);
        hash = InfoHash.v1(MessageDigest.getInstance("SHA-1").digest(info));
        fetcher = new MetadataFetcher(hash, 1 << 20, PAYLOADS, now::get, verified::add);
    }

    /** A peer that records what it is sent. */
    private static final class Peer implements ExtensionPeer {
        final List<MetadataMessage> sent = new ArrayList<>();
        ExtensionHandshake handshake;
        String dropped;

        Peer(long metadataSize) {
            handshake = new ExtensionHandshake(Map.of("ut_metadata", 7), Optional.empty(), 0, 0, Optional.empty(),
                    metadataSize);
        }

        @Override
        public InetSocketAddress address() {
            return new InetSocketAddress("127.0.0.1", 1);
        }

        @Override
        public ExtensionHandshake handshake() {
            return handshake;
        }

        @Override
        public void send(String extension, byte[] payload) {
            try {
                sent.add(MetadataMessage.parse(payload, PAYLOADS).orElseThrow());
            } catch (ExtensionException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public void drop(String reason) {
            dropped = reason;
        }

        List<Integer> requested() {
            return sent.stream().filter(m -> m.type() == MetadataMessage.REQUEST).map(MetadataMessage::piece).toList();
        }
    }

    private byte[] piece(int index) {
        int from = index * MetadataMessage.PIECE_LENGTH;
        return Arrays.copyOfRange(info, from, Math.min(info.length, from + MetadataMessage.PIECE_LENGTH));
    }

    private void answer(Peer peer, int index, byte[] data) throws ExtensionException {
        fetcher.received(peer, MetadataMessage.data(index, info.length, data).encode());
    }

    @Test
    void twoRequestsAtATimeThenTheVerifiedWhole() throws Exception {
        Peer peer = new Peer(info.length);
        fetcher.handshakeReceived(peer);
        assertEquals(List.of(0, 1), peer.requested(), "at most two outstanding");
        answer(peer, 0, piece(0));
        assertEquals(List.of(0, 1, 2), peer.requested());
        answer(peer, 1, piece(1));
        answer(peer, 2, piece(2));
        assertEquals(1, verified.size());
        assertArrayEquals(info, verified.get(0));
        assertNull(peer.dropped);
    }

    @Test
    void insaneSizesDropThePeer() {
        Peer huge = new Peer(2L << 30);
        fetcher.handshakeReceived(huge);
        assertTrue(huge.dropped.contains("metadata_size"), huge.dropped);
        Peer zero = new Peer(0);
        fetcher.handshakeReceived(zero);
        assertTrue(zero.dropped != null);
        assertTrue(huge.requested().isEmpty() && zero.requested().isEmpty());
    }

    @Test
    void wrongPiecesAreErrors() {
        Peer peer = new Peer(info.length);
        fetcher.handshakeReceived(peer);
        assertThrows(ExtensionException.class, () -> answer(peer, 5, piece(0)), "out of range");
        assertThrows(ExtensionException.class, () -> answer(peer, 0, Arrays.copyOf(piece(0), 100)), "short");
        assertThrows(ExtensionException.class, () -> answer(peer, 2, piece(2)), "not asked");
        assertThrows(ExtensionException.class, () -> fetcher.received(peer,
                MetadataMessage.data(0, info.length + 1, piece(0)).encode()), "another total_size");
    }

    @Test
    void aRejectBacksOffAndAnotherPeerIsAsked() throws Exception {
        Peer rejecting = new Peer(info.length);
        fetcher.handshakeReceived(rejecting);
        fetcher.received(rejecting, MetadataMessage.reject(0).encode());
        fetcher.received(rejecting, MetadataMessage.reject(1).encode());
        Peer other = new Peer(info.length);
        fetcher.handshakeReceived(other);
        assertEquals(List.of(0, 1), other.requested(), "the rejected pieces go to the other peer");
        now.addAndGet(MetadataFetcher.REJECT_BACKOFF_MILLIS - 1);
        fetcher.tick();
        assertEquals(List.of(0, 1), rejecting.requested(), "not asked again before the back-off");
        now.addAndGet(1);
        fetcher.tick();
        assertTrue(rejecting.requested().size() > 2, "asked again after it: " + rejecting.requested());
    }

    @Test
    void aSlowPeersPieceGoesToAnother() throws Exception {
        Peer slow = new Peer(info.length);
        fetcher.handshakeReceived(slow);
        Peer quick = new Peer(info.length);
        fetcher.handshakeReceived(quick);
        assertEquals(List.of(2), quick.requested(), "pieces asked of the slow peer are not asked twice at once");
        answer(quick, 2, piece(2));
        assertEquals(List.of(2), quick.requested(), "nor within the re-ask time");
        now.addAndGet(MetadataFetcher.REQUEST_TIMEOUT_MILLIS);
        fetcher.tick();
        assertEquals(List.of(2, 0, 1), quick.requested(), "the timed-out pieces go to the quick peer");
        assertEquals(List.of(0, 1), slow.requested(), "the slow one backs off");
    }

    @Test
    void aHashFailureDropsTheSendersAndStartsOver() throws Exception {
        Peer liar = new Peer(info.length);
        fetcher.handshakeReceived(liar);
        byte[] wrong = piece(0);
        wrong[0]++;
        answer(liar, 0, wrong);
        answer(liar, 1, piece(1));
        answer(liar, 2, piece(2));
        assertTrue(liar.dropped.contains("failed the info-hash"), liar.dropped);
        assertTrue(verified.isEmpty());
        fetcher.closed(liar);
        Peer honest = new Peer(info.length);
        fetcher.handshakeReceived(honest);
        for (int index = 0; index < 3; index++) {
            answer(honest, index, piece(index));
        }
        assertArrayEquals(info, verified.get(0));
        assertEquals(2L * info.length, fetcher.bytesReceived());
    }

    @Test
    void theirRequestsAreRejected() throws Exception {
        Peer peer = new Peer(-1);
        fetcher.handshakeReceived(peer);
        fetcher.received(peer, MetadataMessage.request(0).encode());
        assertEquals(MetadataMessage.REJECT, peer.sent.get(0).type());
        assertEquals(0, fetcher.offering(), "no metadata_size: not offering");
    }
}
