package dev.shoal.shell.internal.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.shoal.metainfo.CreateRequest;
import dev.shoal.metainfo.TorrentCreator;
import dev.shoal.shell.internal.args.ShellException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
        server.createContext("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write('d');
            out.flush();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        // A deadline a loaded machine does not run into; the trickle's test has a source of its own.
        source = new TorrentSource(new UrlFetch(LIMIT, Duration.ofSeconds(30), "Shoal test"));
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void readsAFileRelativeToTheSessionsDirectoryOrAbsolute() throws Exception {
        assertEquals("data.txt", source.load("data.torrent", dir).name());
        assertEquals("data.txt", source.load(dir.resolve("data.torrent").toString(), Path.of("/")).name());
    }

    @Test
    void readsAFileUri() throws Exception {
        assertEquals("data.txt", source.load(dir.resolve("data.torrent").toUri().toString(), Path.of("/")).name());
        assertEquals("data.txt", source.load("file:" + dir.resolve("data.torrent"), Path.of("/")).name());
    }

    @Test
    void fetchesOverHttp() throws Exception {
        assertEquals("data.txt", source.load(url("/data.torrent"), dir).name());
    }

    @Test
    void saysWhatIsWrongInOneLine() throws Exception {
        assertEquals(dir.resolve("none.torrent") + ": no such file", message("none.torrent"));
        assertEquals(dir + ": is a directory, not a torrent file", message("."));
        assertTrue(message("data.txt").startsWith("data.txt: not a valid torrent: "), message("data.txt"));
        assertEquals("magnet links are not supported yet; give a torrent file or its http(s) URL",
                message("magnet:?xt=urn:btih:0000000000000000000000000000000000000000"));
        assertEquals("ftp://x/y.torrent: only http, https and file URLs can be read", message("ftp://x/y.torrent"));
        assertEquals("file://host/x.torrent: not a file URI (file:/path/to/x.torrent)", message("file://host/x.torrent"));
        assertEquals(dir.resolve("none.torrent") + ": no such file", message(dir.resolve("none.torrent").toUri().toString()));
        assertEquals(url("/missing") + ": HTTP 404", message(url("/missing")));
        assertEquals(url("/big") + ": larger than 4.0 KiB, not a torrent file", message(url("/big")));
        assertEquals(url("/endless") + ": larger than 4.0 KiB, not a torrent file", message(url("/endless")));
    }

    @Test
    void aServerThatTricklesIsCutOffAtTheDeadline() {
        // The headers must come within the deadline, however loaded the machine: 5 s, not less.
        source = new TorrentSource(new UrlFetch(LIMIT, Duration.ofSeconds(5), "Shoal test"));
        long start = System.nanoTime();
        assertEquals(url("/trickle") + ": not all of it came within 5s", message(url("/trickle")));
        System.out.printf("TorrentSourceTest: a trickle cut off after %d ms%n", (System.nanoTime() - start) / 1_000_000);
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
        return assertThrows(ShellException.class, () -> source.load(target, dir)).getMessage();
    }
}
