package dev.shoal.peer.internal.swarm;

import static dev.shoal.peer.internal.swarm.SwarmPair.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.bencode.BDictionary;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.api.MetadataFetch;
import dev.shoal.peer.api.MetadataListener;
import dev.shoal.peer.api.PeerInfo;
import dev.shoal.peer.internal.wire.Bitfield;
import dev.shoal.peer.internal.wire.Have;
import dev.shoal.peer.internal.wire.HaveNone;
import dev.shoal.peer.internal.wire.PeerMessage;
import dev.shoal.peer.internal.wire.Unchoke;
import dev.shoal.test.support.LibtorrentPeer;
import dev.shoal.test.support.Torrent;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connections of a magnet's metadata fetch go on into the torrent's swarm, without a new dial:
 * a libtorrent seed accepts a single connection from the first metadata request to the last block,
 * and a peer that dialled the fetch (which we could never dial back) is asked for data on its socket
 * because of the bitfield it sent while the piece count was still unknown.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HandoffTest {

    private static final Duration STEP = Duration.ofSeconds(30);
    private static final int BITFIELD = 5;
    private static final int INTERESTED = 2;
    private static final int REQUEST = 6;

    @TempDir
    Path temp;

    private static SwarmSettings loopback() {
        return SwarmSettings.defaults().withListen("127.0.0.1", 0);
    }

    @Test
    void theSwarmDownloadsFromALibtorrentSeedOverTheConnectionTheFetchMade() throws Exception {
        Metainfo torrent = SwarmPair.makeTorrent(temp.resolve("seed"), "data", 16 * 1024, 3_000_000, 1_500_000);
        Path file = temp.resolve("data.torrent");
        Files.write(file, torrent.toBytes());
        SwarmComponent service = new SwarmComponent(loopback());
        try (AutoCloseable stop = service::close; LibtorrentPeer seed = LibtorrentPeer.seed(Torrent.read(file), temp.resolve("seed")).start()) {
            CompletableFuture<byte[]> info = new CompletableFuture<>();
            try (MetadataFetch fetch = service.fetchMetadata(torrent.infoHash(), listener(info))) {
                fetch.addPeers(List.of(seed.address()), PeerInfo.MAGNET);
                assertArrayEquals(torrent.rawInfo(), info.get(STEP.toSeconds(), TimeUnit.SECONDS));
            }
            await(() -> seed.incomingConnections() >= 1, STEP, "libtorrent to report the fetch's connection");
            // No peers are given to the swarm: it has only what the fetch left it.
            try (SwarmPair.Peer leecher = new SwarmPair.Peer(service, torrent, temp.resolve("leech"),
                    temp.resolve("l.resume"))) {
                await(() -> !leecher.swarm.peers().isEmpty(), STEP, "the fetch's connection in the swarm");
                assertEquals(PeerInfo.MAGNET, leecher.swarm.peers().get(0).source(),
                        "the adopted peer keeps the source the fetch had it from");
                await(leecher::complete, STEP, () -> "the download over the fetch's connection: "
                        + leecher.swarm.stats() + "\n" + seed.logTail());
                assertEquals(1, seed.incomingConnections(), "one connection from the metadata to the last block:\n"
                        + seed.logTail());
            }
            SwarmLoopbackTest.assertSameFiles(torrent, temp.resolve("seed"), temp.resolve("leech"));
        }
    }

    @Test
    void aPeerThatDialledTheFetchIsAskedForDataOnItsSocketFromTheBitfieldItSentBefore() throws Exception {
        Metainfo torrent = SwarmPair.makeTorrent(temp.resolve("seed"), "data", 16 * 1024, 400_000);
        InfoHash hash = torrent.infoHash();
        byte[] raw = torrent.rawInfo();
        SwarmComponent service = new SwarmComponent(loopback());
        CompletableFuture<byte[]> info = new CompletableFuture<>();
        try (MetadataFetch fetch = service.fetchMetadata(hash, listener(info));
                ScriptedPeer peer = new ScriptedPeer(service.listenPort(), hash)) {
            byte[] all = new byte[(torrent.pieceCount() + 7) / 8];
            for (int piece = 0; piece < torrent.pieceCount(); piece++) {
                all[piece >>> 3] |= (byte) (0x80 >>> (piece & 7));
            }
            peer.send(BITFIELD, all);
            peer.send(1, new byte[0]); // unchoke
            peer.sendExtended(0, ScriptedPeer.encode(BDictionary.builder()
                    .put("m", BDictionary.builder().put("ut_metadata", 3).build())
                    .put("metadata_size", raw.length).build()));
            int ours = ScriptedPeer.utMetadataId(peer.readExtended().payload());
            while (!info.isDone()) {
                ScriptedPeer.Message request = peer.readExtended();
                int piece = (int) ScriptedPeer.integer(ScriptedPeer.dictionary(request.payload()), "piece");
                byte[] head = ScriptedPeer.encode(BDictionary.builder().put("msg_type", 1).put("piece", piece)
                        .put("total_size", raw.length).build());
                byte[] data = Arrays.copyOfRange(raw, piece * 16384, Math.min(raw.length, (piece + 1) * 16384));
                byte[] answer = Arrays.copyOf(head, head.length + data.length);
                System.arraycopy(data, 0, answer, head.length, data.length);
                peer.sendExtended(ours, answer);
                if (raw.length <= (piece + 1) * 16384) {
                    break;
                }
            }
            assertArrayEquals(raw, info.get(STEP.toSeconds(), TimeUnit.SECONDS));
            fetch.close();
            try (SwarmPair.Peer leecher = new SwarmPair.Peer(service, torrent, temp.resolve("leech"),
                    temp.resolve("l.resume"))) {
                boolean interested = false;
                ScriptedPeer.Message message;
                do {
                    message = peer.read();
                    interested |= message.id() == INTERESTED;
                } while (message.id() != REQUEST);
                assertTrue(interested, "interested before it requests");
                int piece = ByteBuffer.wrap(message.payload()).getInt();
                assertTrue(piece >= 0 && piece < torrent.pieceCount(), "a request for piece " + piece);
                assertEquals(1, leecher.swarm.stats().peers(), "the peer that dialled the fetch is the swarm's");
                assertEquals(PeerInfo.INCOMING, leecher.swarm.peers().get(0).source());
            }
        } finally {
            service.close();
        }
    }

    @Test
    void aPeerWithPiecesHearsWeAreInterestedWhileTheMetadataIsStillComing() throws Exception {
        Metainfo torrent = SwarmPair.makeTorrent(temp.resolve("seed"), "data", 16 * 1024, 400_000);
        byte[] raw = torrent.rawInfo();
        SwarmComponent service = new SwarmComponent(loopback());
        CompletableFuture<byte[]> info = new CompletableFuture<>();
        try (MetadataFetch fetch = service.fetchMetadata(torrent.infoHash(), listener(info));
                ScriptedPeer seed = new ScriptedPeer(service.listenPort(), torrent.infoHash())) {
            byte[] one = new byte[(torrent.pieceCount() + 7) / 8];
            one[0] = (byte) 0x80;
            seed.send(BITFIELD, one);
            byte[] handshake = ScriptedPeer.encode(BDictionary.builder()
                    .put("m", BDictionary.builder().put("ut_metadata", 3).build())
                    .put("metadata_size", raw.length).build());
            seed.sendExtended(0, handshake);
            // Nobody answers a metadata request, so the fetch is still under way throughout.
            ScriptedPeer.Message message;
            do {
                message = seed.read(); // a time-out (10 s) fails the test
            } while (message.id() != INTERESTED);
            assertFalse(info.isDone());
        } finally {
            service.close();
        }
    }

    @Test
    void whatAPeerSaidBeforeThePieceCountWasKnownIsCheckedAgainstIt() {
        HeardPieces heard = new HeardPieces(1024);
        heard.hear(new HaveNone());
        heard.hear(new Have(3));
        heard.hear(new Unchoke());
        List<PeerMessage> said = heard.replay(10);
        assertNotNull(said);
        assertEquals(2, said.size(), "the pieces as one bitfield, then the unchoke: " + said);
        assertTrue(((Bitfield) said.get(0)).has(3));
        assertEquals(2, ((Bitfield) said.get(0)).byteLength());
        assertNull(heard.replay(3), "piece 3 of a torrent of 3 pieces");
        assertTrue(heard.problem(3).contains("piece 3"));

        HeardPieces wild = new HeardPieces(1024);
        wild.hear(new Have(5000));
        assertNull(wild.replay(10_000), "an index beyond any bitfield we accept is refused, not kept");
        assertNull(PieceIndices.problem(new Have(9), 10));
        assertNotNull(PieceIndices.problem(new Have(10), 10));
        assertNotNull(PieceIndices.problem(new Bitfield(new byte[3]), 10), "three bytes for ten pieces");
        assertNotNull(PieceIndices.problem(new Bitfield(new byte[] {0, 0x20}), 10), "a spare bit set");
    }

    private static MetadataListener listener(CompletableFuture<byte[]> info) {
        return (hash, bytes) -> info.complete(bytes);
    }
}
