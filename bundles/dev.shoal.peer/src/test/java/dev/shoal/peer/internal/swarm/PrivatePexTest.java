package dev.shoal.peer.internal.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.bencode.BDictionary;
import dev.shoal.create.standalone.StandaloneTorrentCreator;
import dev.shoal.metainfo.CreateRequest;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.internal.pex.PexMessage;
import dev.shoal.peer.internal.pex.PexPeer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * BEP 27 against BEP 11: a private torrent's swarm neither offers ut_pex in its extended handshake nor
 * takes a peer's PEX (sent under the id a public swarm would have given, it is an id never given: the
 * peer is dropped and the peer it named never dialled); the public torrent's swarm, on the same script,
 * offers it and dials the named peer, which shows the script would notice a private swarm that did.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PrivatePexTest {

    /** A leecher needs peers, so it dials any it is told of. */
    private static final Duration DIAL_WAIT = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    @Test
    void aPrivateSwarmNeitherOffersNorTakesPex() throws Exception {
        Metainfo torrent = torrent(true);
        try (SwarmPair.Peer shoal = leecher(torrent); ServerSocket named = listener();
                ScriptedPeer peer = new ScriptedPeer(shoal.service.listenPort(), torrent.infoHash())) {
            BDictionary m = peer.pexHandshake();
            assertFalse(m.get(PexMessage.EXTENSION).isPresent(), "a private swarm offers no ut_pex: " + m);
            // The id after the last it gave: where a public swarm puts ut_pex.
            peer.sendExtended(m.size() + 1, pex(named));
            assertTrue(peer.closedWithin(DIAL_WAIT), "a ut_pex message to a private swarm drops its sender");
            assertFalse(dialled(named), "the peer a PEX message named to a private swarm was dialled");
        }
    }

    @Test
    void aPublicSwarmOffersPexAndDialsThePeerItNames() throws Exception {
        Metainfo torrent = torrent(false);
        try (SwarmPair.Peer shoal = leecher(torrent); ServerSocket named = listener();
                ScriptedPeer peer = new ScriptedPeer(shoal.service.listenPort(), torrent.infoHash())) {
            BDictionary m = peer.pexHandshake();
            assertTrue(m.get(PexMessage.EXTENSION).isPresent(), "a public swarm offers ut_pex: " + m);
            peer.sendExtended((int) ScriptedPeer.integer(m, PexMessage.EXTENSION), pex(named));
            assertTrue(dialled(named), "the peer a PEX message named to a public swarm was never dialled");
        }
    }

    private Metainfo torrent(boolean isPrivate) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("source").resolve("data"));
        Files.write(dir.resolve("f.bin"), new byte[256 * 1024]);
        CreateRequest request = CreateRequest.builder(dir).pieceLength(64 * 1024).privateFlag(isPrivate)
                .noCreationDate().build();
        Metainfo torrent = new StandaloneTorrentCreator(1).create(request).metainfo();
        assertEquals(isPrivate, torrent.isPrivate());
        return torrent;
    }

    private SwarmPair.Peer leecher(Metainfo torrent) throws Exception {
        return new SwarmPair.Peer(torrent, temp.resolve("shoal"), temp.resolve("s.resume"),
                SwarmSettings.defaults().withListen("127.0.0.1", 0));
    }

    private static ServerSocket listener() throws IOException {
        ServerSocket socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        socket.setSoTimeout((int) DIAL_WAIT.toMillis());
        return socket;
    }

    private static byte[] pex(ServerSocket named) {
        InetSocketAddress address = new InetSocketAddress(named.getInetAddress(), named.getLocalPort());
        return new PexMessage(List.of(new PexPeer(address, PexPeer.SEED)), List.of()).encode();
    }

    /** True once the swarm dialled {@code named}, false when it did not within {@link #DIAL_WAIT}. */
    private static boolean dialled(ServerSocket named) throws IOException {
        try (Socket ignored = named.accept()) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }
}
