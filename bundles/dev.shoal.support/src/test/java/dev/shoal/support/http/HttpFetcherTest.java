package dev.shoal.support.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.test.support.LocalHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The bounded GET against a real server on 127.0.0.1. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HttpFetcherTest {

    private static final String KEY = "s3cr3t-api-key-0042";

    @RegisterExtension
    final LocalHttpServer server = LocalHttpServer.start();
    private final HttpFetcher fetcher = new HttpFetcher(Duration.ofSeconds(5), "Shoal-test", "*/*");
    private final Redactor redactor = Redactor.of(KEY);

    private static FetchLimits limits(Duration timeout, long maxBytes) {
        return new FetchLimits(Deadline.in(timeout), maxBytes, () -> false, "raise maxResponseKiB if it is right");
    }

    private static String readAll(FetchResponse response) throws IOException {
        try (InputStream in = response.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aBodyIsReadWhole() throws IOException {
        String body = "<rss>" + "x".repeat(200_000) + "</rss>";
        server.on("/feed", LocalHttpServer.xml(body));
        try (FetchResponse response = fetcher.get(server.uri("/feed"), limits(Duration.ofSeconds(10), 1 << 20), redactor)) {
            assertEquals(200, response.status());
            assertTrue(response.ok());
            assertEquals(body, readAll(response));
            assertEquals(body.length(), response.received());
        }
    }

    @Test
    void aStatusLineShowsTheUrlWithTheKeyMasked() throws IOException {
        server.on("/api", LocalHttpServer.status(401, "no"));
        URI uri = server.uri("/api?t=search&apikey=" + KEY + "&q=x");
        try (FetchResponse response = fetcher.get(uri, limits(Duration.ofSeconds(10), 1024), redactor)) {
            assertEquals(401, response.status());
            assertFalse(response.ok());
            assertEquals("HTTP 401 from " + server.uri("/api?t=search&apikey=***&q=x"), response.statusLine());
        }
        assertEquals(KEY, LocalHttpServer.query(server.requests().get(0)).get("apikey"), "the key still went to the server");
    }

    @Test
    void noHeadersBeforeTheDeadlineIsATimeout() {
        server.on("/slow", server.stallBeforeHeaders());
        FetchTimeoutException e = assertThrows(FetchTimeoutException.class,
                () -> fetcher.get(server.uri("/slow?apikey=" + KEY), limits(Duration.ofMillis(500), 1024), redactor));
        assertEquals("no answer from " + server.uri("/slow?apikey=***") + " within 500 ms", e.getMessage());
    }

    @Test
    void aBodyThatStopsComingIsATimeout() throws IOException {
        server.on("/trickle", server.stallAfter("<rss><channel>"));
        // The headers must come within the deadline, however loaded the machine: 5 s, not less.
        try (FetchResponse response = fetcher.get(server.uri("/trickle"), limits(Duration.ofSeconds(5), 1024), redactor)) {
            FetchTimeoutException e = assertThrows(FetchTimeoutException.class, () -> readAll(response));
            assertEquals("the answer from " + server.uri("/trickle") + " was not complete within 5 s", e.getMessage());
            assertEquals(e, response.bodyFailure());
        }
    }

    @Test
    void aHugeBodyIsCutAtTheLimitAndTheTransferStops() throws Exception {
        long fifty = 50L << 20;
        server.on("/huge", server.endless("<rss><channel>", "<item><title>" + "y".repeat(8_000) + "</title></item>", fifty));
        try (FetchResponse response = fetcher.get(server.uri("/huge"), limits(Duration.ofSeconds(20), 1 << 20), redactor)) {
            FetchException e = assertThrows(FetchException.class, () -> readAll(response));
            assertEquals("the answer from " + server.uri("/huge")
                    + " is larger than 1.0 MiB; stopped reading there (raise maxResponseKiB if it is right)", e.getMessage());
            assertTrue(response.received() < (2 << 20), "read " + response.received() + " bytes");
        }
        server.awaitEndlessDone();
        assertTrue(server.written() < fifty, "the server could write all " + server.written() + " bytes: nobody cut it off");
    }

    @Test
    void anAnnouncedLengthOverTheLimitIsRefusedUnread() {
        server.on("/big", LocalHttpServer.xml("z".repeat(4096)));
        FetchException e = assertThrows(FetchException.class,
                () -> fetcher.get(server.uri("/big"), limits(Duration.ofSeconds(10), 1024), redactor));
        assertEquals("the answer from " + server.uri("/big")
                + " has 4.0 KiB, more than the 1.0 KiB allowed (raise maxResponseKiB if it is right)", e.getMessage());
    }

    @Test
    void fiveRedirectsAreFollowedAndASixthIsNot() throws IOException {
        for (int i = 1; i <= 5; i++) {
            server.on("/r" + i, LocalHttpServer.redirect(i % 2 == 0 ? 302 : 301, i == 5 ? "/ok" : "/r" + (i + 1)));
        }
        server.on("/ok", LocalHttpServer.xml("<rss/>"));
        try (FetchResponse response = fetcher.get(server.uri("/r1"), limits(Duration.ofSeconds(10), 1024), redactor)) {
            assertEquals("<rss/>", readAll(response));
            assertEquals(server.uri("/ok"), response.uri());
        }
        server.on("/r0", LocalHttpServer.redirect(307, server.uri("/r1").toString()));
        FetchException e = assertThrows(FetchException.class,
                () -> fetcher.get(server.uri("/r0?apikey=" + KEY), limits(Duration.ofSeconds(10), 1024), redactor));
        assertEquals("more than 5 redirects from " + server.uri("/r0?apikey=***"), e.getMessage());
    }

    @Test
    void aRedirectOutOfHttpIsRefused() {
        server.on("/away", LocalHttpServer.redirect(302, "file:///etc/passwd"));
        FetchException e = assertThrows(FetchException.class,
                () -> fetcher.get(server.uri("/away"), limits(Duration.ofSeconds(10), 1024), redactor));
        assertEquals(server.uri("/away") + " redirects to file:///etc/passwd, which is no http(s) URL", e.getMessage());
    }

    @Test
    void theCancelFlagStopsAReadThatWaits() throws Exception {
        server.on("/stall", server.stallAfter("<rss>"));
        AtomicBoolean cancelled = new AtomicBoolean();
        FetchLimits limits = new FetchLimits(Deadline.in(Duration.ofSeconds(50)), 1024, cancelled::get, "");
        try (FetchResponse response = fetcher.get(server.uri("/stall"), limits, redactor)) {
            assertEquals("<rss>", new String(response.body().readNBytes(5), StandardCharsets.UTF_8));
            CompletableFuture.runAsync(() -> cancelled.set(true), CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
            InterruptedIOException e = assertThrows(InterruptedIOException.class, () -> response.body().read());
            assertEquals("cancelled while reading " + server.uri("/stall"), e.getMessage());
        }
    }

    @Test
    void anInterruptStopsAWaitForHeaders() throws Exception {
        server.on("/stall", server.stallBeforeHeaders());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Thread searcher = new Thread(() -> {
            try {
                fetcher.get(server.uri("/stall"), limits(Duration.ofSeconds(50), 1024), redactor).close();
            } catch (Throwable e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            } finally {
                done.countDown();
            }
        });
        searcher.start();
        while (server.requests().isEmpty()) {
            Thread.sleep(10);
        }
        searcher.interrupt();
        done.await();
        assertTrue(thrown.get() instanceof InterruptedIOException, String.valueOf(thrown.get()));
        assertTrue(stillInterrupted.get(), "the interrupt is kept for the caller");
    }

    @Test
    void aRefusedConnectionSaysSo() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI uri = URI.create("http://127.0.0.1:" + port + "/api?apikey=" + KEY);
        FetchException e = assertThrows(FetchException.class, () -> fetcher.get(uri, limits(Duration.ofSeconds(10), 1024), redactor));
        assertEquals("cannot connect to http://127.0.0.1:" + port + "/api?apikey=***: connection refused", e.getMessage());
    }
}
