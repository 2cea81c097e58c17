package dev.shoal.ui.swt.internal.adding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.shoal.metainfo.CreateRequest;
import dev.shoal.metainfo.TorrentCreator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Torrent files from disk and from a real HTTP server on 127.0.0.1. */
@Timeout(60)
class TorrentSourceTest {

    private static final int LIMIT = 4096;

    @TempDir
    Path dir;

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    private byte[] torrent;
    private TorrentSource source;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(dir.resolve("data.txt"), "some data to share");
        torrent = TorrentCreator.withThreads(1).create(CreateRequest.builder(dir.resolve("data.txt")).build()).bytes();
        Files.write(dir.resolve("data.torrent"), torrent);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/data.torrent", exchange -> {
            exchange.sendResponseHeaders(200, torrent.length);
            exchange.getResponseBody().write(torrent);
            exchange.close();
        });
        server.createContext("/garbage", exchange -> {
            byte[] body = "<html>not found, really</html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/hop", exchange -> {
            // /hop/N redirects to /hop/N-1; /hop/0 to the torrent.
            int n = Integer.parseInt(exchange.getRequestURI().getPath().substring("/hop/".length()));
            exchange.getResponseHeaders().add("Location", n == 0 ? "/data.torrent" : "/hop/" + (n - 1));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/big", exchange -> {
            exchange.sendResponseHeaders(200, LIMIT + 1);
            exchange.close();
        });
        server.createContext("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write(new byte[1024]);
                }
            } catch (IOException closedByTheClient) {
                // The client stops reading past its limit.
            }
        });
        server.createContext("/silent", exchange -> {
            await();
            exchange.close();
        });
        server.createContext("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write('d');
            out.flush();
            await();
            exchange.close();
        });
        // Several threads, so a handler held until the end of a test does not stall the next request.
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        // A time-out a loaded machine does not run into; the slow servers' test has sources of its own.
        source = new TorrentSource(LIMIT, Duration.ofSeconds(30));
    }

    private void await() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void readsAPathOrAFileUri() throws Exception {
        Path file = dir.resolve("data.torrent");
        assertEquals("data.txt", source.load(file.toString()).name());
        assertEquals("data.txt", source.load("  " + file + "\n").name());
        assertEquals("data.txt", source.load(file.toUri().toString()).name());
    }

    @Test
    void fetchesOverHttpFollowingAFewRedirects() throws Exception {
        assertEquals("data.txt", source.load(url("/data.torrent")).name());
        assertEquals("data.txt", source.load(url("/hop/4")).name());
        assertEquals(url("/hop/5") + ": more than 5 redirects", message(url("/hop/5")));
    }

    @Test
    void aMagnetLinkSaysWhyNot() {
        assertEquals(TorrentSource.MAGNET, message("magnet:?xt=urn:btih:0000000000000000000000000000000000000000"));
        assertEquals(TorrentSource.MAGNET, message("MAGNET:?xt=urn:btih:0000000000000000000000000000000000000000"));
    }

    @Test
    void badFilesAreOneLine() throws Exception {
        Path none = dir.resolve("none.torrent");
        assertEquals(none + ": no such file", message(none.toString()));
        assertEquals(dir + ": is a folder, not a torrent file", message(dir.toString()));
        Path text = dir.resolve("data.txt");
        String notTorrent = message(text.toString());
        assertTrue(notTorrent.startsWith(text + ": not a valid torrent: "), notTorrent);
        Path big = dir.resolve("big.torrent");
        Files.write(big, new byte[LIMIT + 1]);
        assertEquals(big + ": larger than 4.0 KiB, not a torrent file", message(big.toString()));
        assertEquals("nothing to open: give a .torrent file or its http(s) URL", message("  "));
        assertEquals("ftp://x/y.torrent: only http and https URLs can be fetched", message("ftp://x/y.torrent"));
    }

    @Test
    void badAnswersAreOneLine() {
        assertEquals(url("/missing") + ": HTTP 404", message(url("/missing")));
        assertEquals(url("/big") + ": larger than 4.0 KiB, not a torrent file", message(url("/big")));
        assertEquals(url("/endless") + ": larger than 4.0 KiB, not a torrent file", message(url("/endless")));
        String garbage = message(url("/garbage"));
        assertTrue(garbage.startsWith(url("/garbage") + ": not a valid torrent: "), garbage);
        assertFalse(garbage.contains("\n"), garbage);
    }

    @Test
    void aSilentOrTricklingServerIsCutOffAtTheTimeout() {
        long start = System.nanoTime();
        source = new TorrentSource(LIMIT, Duration.ofMillis(500));
        assertEquals(url("/silent") + ": no answer within 500 ms", message(url("/silent")));
        // The trickle's headers must come within the time-out, however loaded the machine: 5 s, not less.
        source = new TorrentSource(LIMIT, Duration.ofSeconds(5));
        assertEquals(url("/trickle") + ": not all of it came within 5 s", message(url("/trickle")));
        System.out.printf("TorrentSourceTest: silent and trickling servers cut off after %d ms in all%n",
                (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void aClosedPortIsOneLine() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/x.torrent";
        String message = message(url);
        assertTrue(message.startsWith(url + ": ") && !message.contains("\n"), message);
    }

    private String message(String target) {
        return assertThrows(SourceException.class, () -> source.load(target)).getMessage();
    }
}
