package dev.shoal.peer.internal.swarm;

import static dev.shoal.peer.internal.swarm.SwarmPair.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.internal.mse.Encryption;
import dev.shoal.peer.internal.net.PeerWireSettings;
import dev.shoal.peer.internal.wire.PeerId;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A peer that drops us while we still want something from it is dialled again after a growing
 * backoff, a bounded number of times in a row (the Transmission-after-metadata case: it never dials
 * a loopback peer itself).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RedialTest {

    private static final InetSocketAddress A = new InetSocketAddress("127.0.0.1", 1);

    @TempDir
    Path temp;

    @Test
    void aDroppedPeerComesBackAfterWaitsThatDoubleAndThenIsLeftAlone() {
        Candidates candidates = new Candidates(10, 60_000);
        long now = 0;
        for (int drop = 0; drop < Candidates.MAX_REDIALS; drop++) {
            assertTrue(candidates.redialLater(A, now), "drop " + (drop + 1) + " is redialled");
            long wait = Candidates.FIRST_REDIAL_MILLIS << drop;
            candidates.wake(Set.of(), now + wait - 1);
            assertEquals(0, candidates.size(), "not before " + wait + " ms");
            candidates.wake(Set.of(A), now + wait);
            assertEquals(0, candidates.size(), "not while it is connected or dialled");
            candidates.wake(Set.of(), now + wait);
            assertEquals(A, candidates.next(now + wait, any -> true), "due after " + wait + " ms");
            now += wait;
        }
        assertFalse(candidates.redialLater(A, now), "after " + Candidates.MAX_REDIALS + " drops in a row: left alone");
        assertFalse(candidates.redialling(A));
        candidates.wake(Set.of(), now + 3_600_000);
        assertNull(candidates.next(now + 3_600_000, any -> true));

        candidates.connectionLasted(A);
        assertTrue(candidates.redialLater(A, now), "a connection that lasted starts the backoff afresh");
        candidates.ban(A);
        candidates.wake(Set.of(), now + 3_600_000);
        assertEquals(0, candidates.size(), "a banned peer is never redialled");
        assertFalse(candidates.redialLater(A, now));
    }

    @Test
    void theRedialsAreBoundedInNumberOfPeers() {
        Candidates candidates = new Candidates(2, 60_000);
        assertTrue(candidates.redialLater(new InetSocketAddress("127.0.0.1", 1), 0));
        assertTrue(candidates.redialLater(new InetSocketAddress("127.0.0.1", 2), 0));
        assertFalse(candidates.redialLater(new InetSocketAddress("127.0.0.1", 3), 0));
    }

    /**
     * A peer that answers the handshake and hangs up, as Transmission does after the metadata: the
     * swarm, which wants its data, dials it again by itself, with nothing offered again.
     */
    @Test
    void aSwarmDialsAgainAPeerThatHungUpOnIt() throws Exception {
        Metainfo torrent = SwarmPair.makeTorrent(temp.resolve("seed"), "data", 16 * 1024, 300_000);
        AtomicInteger accepted = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                SwarmPair.Peer leecher = new SwarmPair.Peer(torrent, temp.resolve("leech"), temp.resolve("l.resume"),
                        // The scripted peer reads a plain handshake: no MSE attempt before it.
                        SwarmSettings.defaults(PeerWireSettings.defaults(PeerId.generate(new SecureRandom()))
                                .withEncryption(Encryption.DISABLE)).withListen("127.0.0.1", 0))) {
            Thread hangingUp = new Thread(() -> hangUpOnEach(server, torrent, accepted), "hanging-up-peer");
            hangingUp.setDaemon(true);
            hangingUp.start();
            leecher.swarm.addPeers(List.of(new InetSocketAddress("127.0.0.1", server.getLocalPort())));
            await(() -> accepted.get() >= 3, Duration.ofSeconds(60),
                    () -> "two redials of the peer that hung up; accepted " + accepted.get());
            assertFalse(leecher.complete());
        }
    }

    /** Answers each connection's handshake for the torrent with a seed's bitfield-less hello, then closes. */
    private static void hangUpOnEach(ServerSocket server, Metainfo torrent, AtomicInteger accepted) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(10_000);
                byte[] theirs = new byte[68];
                new DataInputStream(socket.getInputStream()).readFully(theirs);
                byte[] ours = Arrays.copyOf(theirs, 68);
                byte[] id = "-XX0001-hangsupxxxxx".getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(id, 0, ours, 48, 20);
                assertTrue(Arrays.equals(torrent.infoHash().truncated().bytes(), Arrays.copyOfRange(theirs, 28, 48)));
                OutputStream out = socket.getOutputStream();
                out.write(ours);
                out.flush();
                accepted.incrementAndGet();
                Thread.sleep(200);
            } catch (IOException | InterruptedException e) {
                return;
            }
        }
    }
}
