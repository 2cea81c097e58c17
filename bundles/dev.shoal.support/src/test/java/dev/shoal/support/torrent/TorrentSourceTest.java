package dev.shoal.support.torrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.create.standalone.StandaloneTorrentCreator;
import dev.shoal.metainfo.CreateRequest;
import dev.shoal.test.support.LocalHttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A torrent named every way a user names one, from disk and from a real HTTP server on 127.0.0.1:
 * what the command line, the shell and the window all read with.
 */
@Timeout(60)
class TorrentSourceTest {

    private static final int LIMIT = 4096;

    @TempDir
    Path dir;

    @RegisterExtension
    final LocalHttpServer server = LocalHttpServer.start();

    private byte[] torrent;
    private TorrentSource source;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(dir.resolve("data.txt"), "some data to share");
        torrent = new StandaloneTorrentCreator(1).create(CreateRequest.builder(dir.resolve("data.txt")).build()).bytes();
        Files.write(dir.resolve("data.torrent"), torrent);
        server.on("/data.torrent", exchange -> {
            exchange.sendResponseHeaders(200, torrent.length);
            exchange.getResponseBody().write(torrent);
        });
        server.on("/hop/", exchange -> {
            // /hop/N redirects to /hop/N-1; /hop/0 to the torrent.
            int n = Integer.parseInt(exchange.getRequestURI().getPath().substring("/hop/".length()));
            LocalHttpServer.redirect(302, n == 0 ? "/data.torrent" : "/hop/" + (n - 1)).handle(exchange);
        });
        server.on("/missing", LocalHttpServer.status(404, "not here"));
        server.on("/garbage", LocalHttpServer.status(200, "<html>not found, really</html>"));
        server.on("/big", LocalHttpServer.status(200, "x".repeat(2 * LIMIT)));
        server.on("/endless", server.endless("d", "x".repeat(1024), 100 * 1024));
        server.on("/silent", server.stallBeforeHeaders());
        server.on("/trickle", server.stallAfter("d"));
        source = new TorrentSource("Shoal-test", LIMIT, Duration.ofSeconds(20));
    }

    private String url(String path) {
        return server.uri(path).toString();
    }

    @Test
    void readsAPathRelativeToTheBaseOrAbsolute() throws Exception {
        assertEquals("data.txt", source.load("data.torrent", dir).name());
        assertEquals("data.txt", source.load(dir.resolve("data.torrent").toString(), Path.of("/")).name());
        assertEquals("data.txt", source.load("  " + dir.resolve("data.torrent") + "\n", Path.of("/")).name());
    }

    @Test
    void readsAFileUri() throws Exception {
        assertEquals("data.txt", source.load(dir.resolve("data.torrent").toUri().toString(), Path.of("/")).name());
        assertEquals("data.txt", source.load("file:" + dir.resolve("data.torrent"), Path.of("/")).name());
    }

    @Test
    void fetchesOverHttpFollowingAFewRedirects() throws Exception {
        assertEquals("data.txt", source.load(url("/data.torrent"), dir).name());
        assertEquals("data.txt", source.load(url("/hop/4"), dir).name());
        assertEquals("more than 5 redirects from " + url("/hop/5"), message(url("/hop/5")));
    }

    @Test
    void aMagnetLinkIsParsedForTheEngineAndABadOneSaysWhy() throws Exception {
        String hex = "c12fe1c06bba254a9dc9f519b335aa7c1367a88a";
        assertEquals(hex, TorrentSource.magnet(" magnet:?xt=urn:btih:" + hex + "&dn=x ").orElseThrow().infoHash().hex());
        assertTrue(TorrentSource.magnet("some.torrent").isEmpty());
        TorrentSourceException bad = assertThrows(TorrentSourceException.class,
                () -> TorrentSource.magnet("magnet:?dn=nothing"));
        assertTrue(bad.getMessage().startsWith("bad magnet link: "), bad.getMessage());
    }

    @Test
    void aMagnetLinkSaysWhyNot() {
        assertEquals(TorrentSource.MAGNET, message("magnet:?xt=urn:btih:0000000000000000000000000000000000000000"));
        assertEquals(TorrentSource.MAGNET, message("MAGNET:?xt=urn:btih:0000000000000000000000000000000000000000"));
    }

    @Test
    void badFilesAreOneLine() throws Exception {
        assertEquals(dir.resolve("none.torrent") + ": no such file", message("none.torrent"));
        assertEquals(dir.resolve("none.torrent") + ": no such file", message(dir.resolve("none.torrent").toUri().toString()));
        assertEquals(dir + ": is a directory, not a torrent file", message("."));
        assertTrue(message("data.txt").startsWith("data.txt: not a valid torrent: "), message("data.txt"));
        Path big = dir.resolve("big.torrent");
        Files.write(big, new byte[LIMIT + 1]);
        assertEquals(big + ": larger than 4.0 KiB, not a torrent file", message(big.toString()));
        assertEquals("nothing to open: give a .torrent file or its http(s) URL", message("  "));
        assertEquals("ftp://x/y.torrent: only http, https and file URLs can be read", message("ftp://x/y.torrent"));
        assertEquals("file://host/x.torrent: not a file URI (file:/path/to/x.torrent)", message("file://host/x.torrent"));
    }

    @Test
    void badAnswersAreOneLine() {
        assertEquals("HTTP 404 from " + url("/missing"), message(url("/missing")));
        assertEquals("the answer from " + url("/big") + " has 8.0 KiB, more than the 4.0 KiB allowed (not a torrent file)",
                message(url("/big")));
        assertEquals("the answer from " + url("/endless") + " is larger than 4.0 KiB; stopped reading there"
                + " (not a torrent file)", message(url("/endless")));
        String garbage = message(url("/garbage"));
        assertTrue(garbage.startsWith(url("/garbage") + ": not a valid torrent: "), garbage);
        assertFalse(garbage.contains("\n"), garbage);
        assertEquals("http://a b/: not a valid http(s) URL", message("http://a b/"));
    }

    @Test
    void aSilentOrTricklingServerIsCutOffAtTheDeadline() {
        TorrentSource impatient = new TorrentSource("Shoal-test", LIMIT, Duration.ofMillis(500));
        assertEquals("no answer from " + url("/silent") + " within 500 ms",
                assertThrows(TorrentSourceException.class, () -> impatient.load(url("/silent"), dir)).getMessage());
        // The trickle's headers must arrive before the deadline for its message to be this one: 5 s
        // leaves a loaded machine room for that, and the trickle never ends, so it is still cut off.
        TorrentSource patient = new TorrentSource("Shoal-test", LIMIT, Duration.ofSeconds(5));
        assertEquals("the answer from " + url("/trickle") + " was not complete within 5 s",
                assertThrows(TorrentSourceException.class, () -> patient.load(url("/trickle"), dir)).getMessage());
    }

    @Test
    void aClosedPortIsOneLine() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/x.torrent";
        assertEquals("cannot connect to " + url + ": connection refused", message(url));
    }

    @Test
    void aPasskeyInTheUrlIsNeverShown() {
        String message = message(url("/missing?passkey=0123456789abcdef"));
        assertEquals("HTTP 404 from " + url("/missing?passkey=***"), message);
    }

    @Test
    void anInterruptEndsAFetchAsAnInterruptedException() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean flagLeftSet = new AtomicBoolean(true);
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        Thread fetching = new Thread(() -> {
            started.countDown();
            try {
                source.load(url("/silent"), dir);
                thrown.complete(null);
            } catch (Throwable e) {
                flagLeftSet.set(Thread.currentThread().isInterrupted());
                thrown.complete(e);
            }
        });
        fetching.start();
        assertTrue(started.await(10, TimeUnit.SECONDS));
        fetching.interrupt();
        Throwable e = thrown.get(20, TimeUnit.SECONDS);
        assertTrue(e instanceof InterruptedException, String.valueOf(e));
        assertFalse(flagLeftSet.get(), "an InterruptedException says it; the flag is cleared as Java's own do");
    }

    private String message(String target) {
        return assertThrows(TorrentSourceException.class, () -> source.load(target, dir)).getMessage();
    }
}
