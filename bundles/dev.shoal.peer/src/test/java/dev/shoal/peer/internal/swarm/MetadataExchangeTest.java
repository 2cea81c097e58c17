package dev.shoal.peer.internal.swarm;

import static dev.shoal.peer.internal.swarm.SwarmPair.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.bencode.BDictionary;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.api.MetadataFetch;
import dev.shoal.peer.api.MetadataListener;
import dev.shoal.peer.api.MetadataProgress;
import dev.shoal.test.support.LibtorrentPeer;
import dev.shoal.test.support.Torrent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BEP 9 and 10 against real peers on 127.0.0.1: libtorrent from a magnet link gets the metadata from a
 * Shoal seed and then the data; Shoal's fetch gets it from a libtorrent seed and from a Shoal seed
 * while scripted hostile peers are dropped.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MetadataExchangeTest {

    private static final Logger LOG = LoggerFactory.getLogger(MetadataExchangeTest.class);
    private static final Duration STEP = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    private static SwarmSettings loopback() {
        return SwarmSettings.defaults().withListen("127.0.0.1", 0);
    }

    /** 1,500 pieces of 16 KiB: an info dictionary of two metadata pieces (over 30,000 bytes). */
    private Metainfo twoMetadataPieces() throws Exception {
        Metainfo torrent = SwarmPair.makeTorrent(temp.resolve("seed"), "data", 16 * 1024, 20_000_000, 4_500_000);
        assertEquals(2, (torrent.rawInfo().length + 16383) / 16384, "the info dictionary spans two pieces");
        return torrent;
    }

    private Torrent torrentFile(Metainfo torrent) throws Exception {
        Path file = temp.resolve("data.torrent");
        Files.write(file, torrent.toBytes());
        return Torrent.read(file);
    }

    @Test
    void libtorrentFromAMagnetGetsTheMetadataFromAShoalSeedAndCompletes() throws Exception {
        Metainfo torrent = twoMetadataPieces();
        Torrent file = torrentFile(torrent);
        try (SwarmPair.Peer seed = new SwarmPair.Peer(torrent, temp.resolve("seed"), temp.resolve("s.resume"),
                loopback())) {
            long start = System.nanoTime();
            try (LibtorrentPeer leecher = LibtorrentPeer.leecher(file, temp.resolve("lt")).fromMagnet()
                    .connectTo(seed.address()).start()) {
                leecher.await("the metadata", STEP, status -> !"metadata".equals(status.state())
                        && !"starting".equals(status.state()));
                LOG.info("libtorrent had the metadata from Shoal {} ms after starting",
                        (System.nanoTime() - start) / 1_000_000);
                leecher.awaitComplete(STEP);
                SwarmLoopbackTest.assertSameFiles(torrent, temp.resolve("seed"), temp.resolve("lt"));
            }
        }
    }

    @Test
    void theFetchGetsTheInfoDictionaryFromALibtorrentSeed() throws Exception {
        Metainfo torrent = twoMetadataPieces();
        Torrent file = torrentFile(torrent);
        SwarmComponent service = new SwarmComponent(loopback());
        try (AutoCloseable stop = service::close;
                LibtorrentPeer seed = LibtorrentPeer.seed(file, temp.resolve("seed")).start()) {
            CompletableFuture<byte[]> info = new CompletableFuture<>();
            long start = System.nanoTime();
            try (MetadataFetch fetch = service.fetchMetadata(torrent.infoHash(), listener(torrent.infoHash(), info))) {
                fetch.addPeers(List.of(seed.address()));
                byte[] bytes = info.get(STEP.toSeconds(), TimeUnit.SECONDS);
                LOG.info("metadata from libtorrent in {} ms: {}", (System.nanoTime() - start) / 1_000_000,
                        fetch.progress());
                assertArrayEquals(torrent.infoHash().bytes(), MessageDigest.getInstance("SHA-1").digest(bytes));
                assertArrayEquals(torrent.rawInfo(), bytes);
                MetadataProgress progress = fetch.progress();
                assertTrue(progress.done());
                assertEquals(bytes.length, progress.metadataSize());
                assertEquals(bytes.length, progress.bytesReceived());
                await(() -> fetch.progress().peersConnected() == 0, STEP, "the fetch's connections to close");
            }
        }
    }

    @Test
    void hostilePeersAreDroppedAndTheFetchCompletesFromAGoodOne() throws Exception {
        Metainfo torrent = twoMetadataPieces();
        InfoHash hash = torrent.infoHash();
        int size = torrent.rawInfo().length;
        SwarmComponent service = new SwarmComponent(loopback());
        try (AutoCloseable stop = service::close; SwarmPair.Peer seed = new SwarmPair.Peer(torrent,
                temp.resolve("seed"), temp.resolve("s.resume"), loopback())) {
            CompletableFuture<byte[]> info = new CompletableFuture<>();
            try (MetadataFetch fetch = service.fetchMetadata(hash, listener(hash, info))) {
                int port = service.listenPort();
                assertTrue(dropped(port, hash, handshake(2L << 30)), "a metadata_size of 2 GiB");
                assertTrue(dropped(port, hash, ScriptedPeer.encode(BDictionary.builder().put("m", 5).build())),
                        "an 'm' that is no dictionary");
                assertTrue(dropped(port, hash, "d1:md11:ut_metadatai3e".getBytes()), "a truncated handshake");
                assertTrue(dropped(port, hash, handshake(0)), "a metadata_size of 0");
                assertTrue(answersDropped(port, hash, size, (piece, length) -> dataMessage(999, size, new byte[16384])),
                        "a piece out of range");
                assertTrue(answersDropped(port, hash, size, (piece, length) -> dataMessage(piece, size,
                        new byte[length + 1])), "a piece of the wrong size");
                assertTrue(answersDropped(port, hash, size, (piece, length) -> dataMessage(piece, size,
                        random(length))), "pieces that fail the info-hash");
                MetadataProgress hostile = fetch.progress();
                assertEquals(7, hostile.peersRefused(), "each hostile peer refused: " + hostile);
                assertTrue(!info.isDone(), "nothing verified from hostile peers");

                fetch.addPeers(List.of(seed.address()));
                byte[] bytes = info.get(STEP.toSeconds(), TimeUnit.SECONDS);
                assertArrayEquals(torrent.rawInfo(), bytes);
                LOG.info("fetch after hostile peers: {}", fetch.progress());
            }
        }
    }

    @Test
    void aShoalSeedAnswersRequestsAndRejectsPiecesOutOfRange() throws Exception {
        Metainfo torrent = twoMetadataPieces();
        byte[] raw = torrent.rawInfo();
        try (SwarmPair.Peer seed = new SwarmPair.Peer(torrent, temp.resolve("seed"), temp.resolve("s.resume"),
                loopback()); ScriptedPeer peer = new ScriptedPeer(seed.service.listenPort(), torrent.infoHash())) {
            peer.sendExtended(0, handshake(-1));
            ScriptedPeer.Message theirs = peer.readExtended();
            assertEquals(0, theirs.id());
            BDictionary handshake = ScriptedPeer.dictionary(theirs.payload());
            assertEquals(raw.length, ScriptedPeer.integer(handshake, "metadata_size"));
            assertEquals(seed.service.listenPort(), ScriptedPeer.integer(handshake, "p"));
            assertTrue(ScriptedPeer.integer(handshake, "reqq") > 0);
            int ours = ScriptedPeer.utMetadataId(theirs.payload());
            peer.sendExtended(ours, request(1));
            peer.sendExtended(ours, request(2));
            ScriptedPeer.Message data = peer.readExtended();
            assertEquals(3, data.id(), "sent under the id we gave");
            BDictionary header = ScriptedPeer.dictionary(data.payload());
            assertEquals(1, ScriptedPeer.integer(header, "msg_type"));
            assertEquals(raw.length, ScriptedPeer.integer(header, "total_size"));
            int headerLength = header.rawBytes().length;
            assertArrayEquals(java.util.Arrays.copyOfRange(raw, 16384, raw.length),
                    java.util.Arrays.copyOfRange(data.payload(), headerLength, data.payload().length));
            BDictionary reject = ScriptedPeer.dictionary(peer.readExtended().payload());
            assertEquals(2, ScriptedPeer.integer(reject, "msg_type"));
            assertEquals(2, ScriptedPeer.integer(reject, "piece"));
        }
    }

    private static MetadataListener listener(InfoHash expected, CompletableFuture<byte[]> info) {
        AtomicInteger calls = new AtomicInteger();
        return (hash, bytes) -> {
            if (calls.incrementAndGet() > 1 || !hash.equals(expected)) {
                info.completeExceptionally(new AssertionError("called again, or for " + hash));
            }
            info.complete(bytes);
        };
    }

    /** A scripted peer's handshake: ut_metadata as id 3, and the size when not negative. */
    private static byte[] handshake(long metadataSize) {
        BDictionary.Builder handshake = BDictionary.builder()
                .put("m", BDictionary.builder().put("ut_metadata", 3).build()).put("v", "scripted");
        if (metadataSize >= 0) {
            handshake.put("metadata_size", metadataSize);
        }
        return ScriptedPeer.encode(handshake.build());
    }

    private static byte[] request(int piece) {
        return ScriptedPeer.encode(BDictionary.builder().put("msg_type", 0).put("piece", piece).build());
    }

    private static byte[] dataMessage(int piece, long total, byte[] data) {
        byte[] head = ScriptedPeer.encode(BDictionary.builder().put("msg_type", 1).put("piece", piece)
                .put("total_size", total).build());
        byte[] out = java.util.Arrays.copyOf(head, head.length + data.length);
        System.arraycopy(data, 0, out, head.length, data.length);
        return out;
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    /** Connects, sends {@code handshake} as its extended handshake, and says whether the fetch hung up. */
    private static boolean dropped(int port, InfoHash hash, byte[] handshake) throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(port, hash)) {
            peer.sendExtended(0, handshake);
            return peer.closedWithin(Duration.ofSeconds(10));
        }
    }

    /** What a scripted peer answers to a request for {@code piece} of {@code length} bytes. */
    private interface Answer {
        byte[] to(int piece, int length);
    }

    /**
     * Offers the metadata with the right size, answers each request the fetch makes as {@code answer}
     * says, and says whether the fetch hung up.
     */
    private static boolean answersDropped(int port, InfoHash hash, int size, Answer answer) throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(port, hash)) {
            peer.sendExtended(0, handshake(size));
            int ours = ScriptedPeer.utMetadataId(peer.readExtended().payload());
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    ScriptedPeer.Message message = peer.readExtended();
                    assertEquals(3, message.id(), "requests come under the id we gave");
                    BDictionary request = ScriptedPeer.dictionary(message.payload());
                    int piece = (int) ScriptedPeer.integer(request, "piece");
                    peer.sendExtended(ours, answer.to(piece, Math.min(16384, size - piece * 16384)));
                } catch (java.io.IOException e) {
                    return true; // closed by the fetch: end of stream, or a broken pipe answering a request
                }
            }
            return false;
        }
    }
}
