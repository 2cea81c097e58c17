package dev.shoal.cli.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** Fetching torrents from a real HTTP server on 127.0.0.1. */
@Timeout(60)
class TorrentFetcherTest {

    private static final int LIMIT = 100_000;

    @TempDir
    Path dir;

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    private byte[] torrent;

    @BeforeEach
    void start() throws IOException {
        torrent = TestTorrents.create(dir, "data.bin", 300_000);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/data.torrent", e -> reply(e, 200, torrent, torrent.length));
        server.createContext("/missing.torrent", e -> reply(e, 404, "not here".getBytes(), 8));
        server.createContext("/moved", e -> {
            e.getResponseHeaders().add("Location", "/data.torrent");
            reply(e, 302, new byte[0], -1);
        });
        server.createContext("/big-declared", e -> reply(e, 200, new byte[LIMIT + 1], LIMIT + 1));
        server.createContext("/big-chunked", e -> reply(e, 200, new byte[3 * LIMIT], 0));
        server.createContext("/stalls", e -> {
            e.sendResponseHeaders(200, torrent.length);
            try (OutputStream body = e.getResponseBody()) {
                body.write(torrent, 0, 100);
                body.flush();
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException | IOException ignored) {
                // The client gave up, as it should.
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private static void reply(HttpExchange exchange, int status, byte[] body, long length) throws IOException {
        exchange.sendResponseHeaders(status, length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (length != -1) {
                out.write(body);
            }
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private TorrentFetcher fetcher(Duration timeout) {
        return new TorrentFetcher(LIMIT, timeout, "Shoal/test");
    }

    @Test
    void fetchesTheBodyOfA200() throws Exception {
        assertArrayEquals(torrent, fetcher(Duration.ofSeconds(30)).fetch(url("/data.torrent")));
    }

    @Test
    void followsRedirects() throws Exception {
        assertArrayEquals(torrent, fetcher(Duration.ofSeconds(30)).fetch(url("/moved")));
    }

    @Test
    void anythingButA200NamesTheStatus() {
        CommandFailure e = assertThrows(CommandFailure.class, () -> fetcher(Duration.ofSeconds(30)).fetch(url("/missing.torrent")));
        assertEquals(url("/missing.torrent") + ": HTTP 404", e.getMessage());
    }

    @Test
    void refusesBodiesOverTheLimitWhetherDeclaredOrNot() {
        for (String path : new String[] {"/big-declared", "/big-chunked"}) {
            CommandFailure e = assertThrows(CommandFailure.class, () -> fetcher(Duration.ofSeconds(30)).fetch(url(path)));
            assertEquals(url(path) + ": larger than 97.66 KiB, too large to be a torrent file", e.getMessage());
        }
    }

    @Test
    void theRealLimitIsTheDecoders() {
        assertEquals(64 << 20, dev.shoal.bencode.DecoderLimits.DEFAULT.maxInputBytes());
    }

    @Test
    void givesUpOnABodyThatStalls() {
        long start = System.nanoTime();
        // The headers must come within the time-out, however loaded the machine: 5 s, not less. The stall
        // lasts until the test ends, so only the time-out can end the fetch with this message.
        CommandFailure e = assertThrows(CommandFailure.class, () -> fetcher(Duration.ofSeconds(5)).fetch(url("/stalls")));
        System.out.printf("TorrentFetcherTest: a stalled body given up after %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
        assertEquals(url("/stalls") + ": no data for 5s, giving up", e.getMessage());
    }

    @Test
    void saysWhenNobodyListens() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/x.torrent";
        CommandFailure e = assertThrows(CommandFailure.class, () -> fetcher(Duration.ofSeconds(5)).fetch(url));
        assertTrue(e.getMessage().startsWith(url + ": cannot connect"), e.getMessage());
    }

    @Test
    void refusesWhatIsNotAUrl() {
        CommandFailure e = assertThrows(CommandFailure.class, () -> fetcher(Duration.ofSeconds(5)).fetch("http://a b/"));
        assertEquals("http://a b/: not a valid URL", e.getMessage());
    }
}
