package dev.shoal.peer.internal.metadata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shoal.peer.internal.extension.ExtensionException;
import dev.shoal.peer.internal.extension.ExtensionHandshake;
import dev.shoal.peer.internal.extension.ExtensionPayloads;
import dev.shoal.peer.internal.extension.ExtensionPeer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Serving: exact bytes per piece, rejects out of range, and a bounded number of answers per peer. */
class MetadataServerTest {

    private static final ExtensionPayloads PAYLOADS = new ExtensionPayloads(1 << 20);

    private final byte[] info = new byte[20_000];
    private final AtomicLong now = new AtomicLong(5_000);
    private final MetadataServer server;
    private final List<MetadataMessage> sent = new ArrayList<>();
    private final ExtensionPeer peer = new ExtensionPeer() {
        @Override
        public InetSocketAddress address() {
            return new InetSocketAddress("127.0.0.1", 1);
        }

        @Override
        public ExtensionHandshake handshake() {
            return new ExtensionHandshake(Map.of("ut_metadata", 9), Optional.empty(), 0, 0, Optional.empty(), -1);
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
            throw new AssertionError("dropped: " + reason);
        }
    };

    MetadataServerTest() {
        for (int i = 0; i < info.length; i++) {
            info[i] = (byte) (i * 7);
        }
        server = new MetadataServer(info, PAYLOADS, now::get);
    }

    private MetadataMessage ask(int piece) throws ExtensionException {
        server.received(peer, MetadataMessage.request(piece).encode());
        return sent.get(sent.size() - 1);
    }

    @Test
    void piecesAreTheExactBytesAndOutOfRangeIsRejected() throws Exception {
        assertEquals(info.length, server.describe(ExtensionHandshake.NONE).metadataSize());
        MetadataMessage last = ask(1);
        assertEquals(MetadataMessage.DATA, last.type());
        assertEquals(info.length, last.totalSize());
        assertArrayEquals(Arrays.copyOfRange(info, 16384, info.length), last.data());
        assertEquals(MetadataMessage.REJECT, ask(2).type());
    }

    @Test
    void answersPerPeerAreBoundedPerWindow() throws Exception {
        int answers = 0;
        for (int i = 0; i < 100; i++) {
            answers += ask(i % 2).type() == MetadataMessage.DATA ? 1 : 0;
        }
        int budget = MetadataServer.COPIES_PER_WINDOW * 2 + 2;
        assertEquals(budget, answers, "a request beyond the budget is rejected");
        for (int i = 100; i < MetadataServer.MAX_REJECTS + budget; i++) {
            ask(0);
        }
        assertThrows(ExtensionException.class, () -> server.received(peer, MetadataMessage.request(0).encode()),
                "a peer asking on past the rejects is dropped");
        now.addAndGet(MetadataServer.WINDOW_MILLIS);
        assertEquals(MetadataMessage.DATA, ask(0).type(), "a new window, a new budget");
    }
}
