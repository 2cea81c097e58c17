package dev.shoal.peer.internal.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.create.standalone.StandaloneTorrentCreator;
import dev.shoal.metainfo.CreateRequest;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.internal.codec.BlockPool;
import dev.shoal.peer.internal.handler.LocalTorrent;
import dev.shoal.peer.internal.handler.PeerConnection;
import dev.shoal.peer.internal.wire.Bitfield;
import dev.shoal.peer.internal.wire.Extended;
import dev.shoal.peer.internal.wire.HaveAll;
import dev.shoal.peer.internal.wire.Interested;
import dev.shoal.peer.internal.wire.PeerId;
import dev.shoal.peer.internal.wire.PeerMessage;
import dev.shoal.peer.internal.wire.Piece;
import dev.shoal.peer.internal.wire.Request;
import dev.shoal.peer.internal.wire.Unchoke;
import dev.shoal.test.support.SystemProgram;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Our connector against a real client: a libtorrent 2.0 seed on 127.0.0.1 hands us a block. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LibtorrentInteropTest {

    private static final Logger LOG = LoggerFactory.getLogger(LibtorrentInteropTest.class);
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final int BLOCK = 16 * 1024;

    @TempDir
    Path dir;

    @Test
    void aLibtorrentSeedAnswersOurHandshakeAndSendsTheFirstBlock() throws Exception {
        Path python = SystemProgram.requirePythonLibtorrent();
        Path data = dir.resolve("seed.bin");
        byte[] content = new byte[200 * 1024 + 123];
        new Random(7).nextBytes(content);
        Files.write(data, content);
        Metainfo metainfo = new StandaloneTorrentCreator(2)
                .create(CreateRequest.builder(data).pieceLength(32 * 1024).noCreationDate().build()).metainfo();
        Path torrent = dir.resolve("seed.torrent");
        Files.write(torrent, metainfo.toBytes());
        Path script = dir.resolve("libtorrent_seed.py");
        try (InputStream in = getClass().getResourceAsStream("libtorrent_seed.py")) {
            Files.copy(in, script);
        }

        Process seed = new ProcessBuilder(python.toString(), script.toString(), torrent.toString(), dir.toString())
                .redirectError(dir.resolve("seed.stderr").toFile()).start();
        try (PeerConnector connector = new PeerConnector(PeerWireSettings.defaults(PeerId.generate(new SecureRandom())),
                BlockPool.forSwarm())) {
            int port = listeningPort(seed);
            RecordingListener leech = new RecordingListener();
            PeerConnection connection = connector.connect(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                    new LocalTorrent(metainfo.infoHash(), metainfo.pieceCount(), leech))
                    .get(STEP.toSeconds(), TimeUnit.SECONDS);
            assertTrue(connection.remote().reserved().fastExtension(), "libtorrent announces BEP 6");
            LOG.info("libtorrent handshake: {} {}", connection.remote().peerId(), connection.remote().reserved());

            PeerMessage has = leech.next(STEP);
            if (has instanceof Extended) {
                has = leech.next(STEP); // BEP 10: libtorrent sends its extended handshake before its pieces
            }
            assertTrue(has instanceof HaveAll || isFull((Bitfield) has, metainfo.pieceCount()),
                    "a seed says it has everything first, not " + has);
            LOG.info("libtorrent first message: {}", has);

            connection.send(new Interested());
            leech.first(Unchoke.class, STEP);
            connection.send(new Request(0, 0, BLOCK));
            Piece piece = leech.first(Piece.class, STEP);
            assertEquals(0, piece.piece());
            assertEquals(0, piece.begin());
            assertArrayEquals(Arrays.copyOf(content, BLOCK), piece.block());
            connection.close();
        } catch (AssertionError | Exception e) {
            throw new AssertionError(e.getMessage() + "\n--- libtorrent seed stderr ---\n" + stderr(), e);
        } finally {
            seed.getOutputStream().close();
            seed.descendants().forEach(ProcessHandle::destroyForcibly);
            seed.destroyForcibly();
            seed.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static boolean isFull(Bitfield bitfield, int pieceCount) {
        for (int i = 0; i < pieceCount; i++) {
            if (!bitfield.has(i)) {
                return false;
            }
        }
        return true;
    }

    /** Reads "LISTENING <port>" from the seed's stdout on a thread of its own, bounded in time. */
    private static int listeningPort(Process seed) throws Exception {
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(seed.getInputStream(),
                        StandardCharsets.UTF_8));
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    List<String> words = List.of(line.strip().split(" "));
                    if (words.size() == 2 && words.get(0).equals("LISTENING")) {
                        return Integer.parseInt(words.get(1));
                    }
                }
                throw new IllegalStateException("the seed ended without listening");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return port.get(STEP.toSeconds(), TimeUnit.SECONDS);
    }

    private String stderr() {
        try {
            Path file = dir.resolve("seed.stderr");
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
