package dev.shoal.tracker.http.internal;

import static dev.shoal.tracker.http.internal.AnswersTest.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.tracker.api.AnnounceEvent;
import dev.shoal.tracker.api.AnnounceResponse;
import dev.shoal.tracker.api.ScrapeResponse;
import dev.shoal.tracker.api.ScrapeStats;
import dev.shoal.tracker.api.TrackerException;
import dev.shoal.tracker.api.TrackerPeer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client against a local HTTP server that answers what each test wants. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HttpTrackerClientTest {

    /** Time-outs a loaded machine does not run into; the slow tracker's test has a client of its own. */
    private static final HttpSettings SETTINGS = new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(10),
            4096, "Shoal-test");
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** What the server does with one exchange. */
    @FunctionalInterface
    interface Answer {
        void handle(HttpExchange exchange) throws IOException;
    }

    private HttpServer server;
    private ExecutorService serverThreads;
    private volatile Answer answer;
    private volatile URI lastRequest;
    private final HttpTrackerClient client = new HttpTrackerClient(SETTINGS);

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.createContext("/", exchange -> {
            lastRequest = exchange.getRequestURI();
            try (exchange) {
                answer.handle(exchange);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        serverThreads.shutdownNow(); // wakes a handler that sleeps to play a slow tracker
        server.stop(0);
        serverThreads.awaitTermination(5, TimeUnit.SECONDS);
    }

    private URI announceUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/announce");
    }

    private void answerWith(int status, byte[] body) {
        answer = exchange -> {
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        };
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static TrackerException failure(CompletionStage<?> stage) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
        return assertInstanceOf(TrackerException.class, e.getCause());
    }

    private CompletionStage<AnnounceResponse> announce() {
        return client.announce(announceUrl(), TrackerUrlsTest.request(AnnounceEvent.STARTED, Optional.empty()));
    }

    @Test
    void sendsTheExactlyEncodedQuery() throws Exception {
        answerWith(200, bytes("d8:intervali60e5:peers0:e"));
        await(announce());
        assertEquals("/announce", lastRequest.getRawPath());
        assertTrue(lastRequest.getRawQuery().startsWith(
                "info_hash=%00%FFA%20~-._z0%25%26%3F%2F%80%C3%A9%E9%FF%10&peer_id=-SH0001-ab~cd%20ef%2F%2B%25Z"
                        + "&port=6881&"), lastRequest.getRawQuery());
    }

    @Test
    void readsCompactPeers() throws Exception {
        answerWith(200, bytes("d8:intervali60e5:peers", "0x7f0000011ae1", "e"));
        assertEquals(List.of(TrackerPeer.of(new InetSocketAddress("127.0.0.1", 6881))), await(announce()).peers());
    }

    @Test
    void readsDictionaryPeersAndPeers6() throws Exception {
        answerWith(200, bytes("d8:intervali60e5:peersld2:ip9:127.0.0.24:porti7000eee6:peers6",
                "0x000000000000000000000000000000011ae2", "e"));
        assertEquals(List.of(TrackerPeer.of(new InetSocketAddress("127.0.0.2", 7000)),
                TrackerPeer.of(new InetSocketAddress("::1", 6882))), await(announce()).peers());
    }

    @Test
    void failureReasonAndWarning() throws Exception {
        answerWith(200, bytes("d14:failure reason6:banned8:intervali60ee"));
        TrackerException e = failure(announce());
        assertEquals(TrackerException.Kind.TRACKER_FAILURE, e.kind());
        assertEquals("banned", e.getMessage());

        answerWith(200, bytes("d8:intervali60e5:peers0:15:warning message7:go awaye"));
        assertEquals(Optional.of("go away"), await(announce()).warning());
    }

    @Test
    void aFailureReasonIsReadEvenWithAnErrorStatus() {
        answerWith(403, bytes("d14:failure reason12:unregisterede"));
        TrackerException e = failure(announce());
        assertEquals(TrackerException.Kind.TRACKER_FAILURE, e.kind());
        assertEquals("unregistered", e.getMessage());
    }

    @Test
    void anErrorStatusWithoutAFailureReasonIsANetworkFailure() {
        answerWith(502, bytes("<html>bad gateway</html>"));
        TrackerException e = failure(announce());
        assertEquals(TrackerException.Kind.NETWORK, e.kind());
        assertTrue(e.getMessage().contains("502"), e.getMessage());
    }

    @Test
    void garbageIsMalformed() {
        answerWith(200, bytes("<html>hello</html>"));
        assertEquals(TrackerException.Kind.MALFORMED_RESPONSE, failure(announce()).kind());
    }

    @Test
    void anAnswerOverTheLimitIsRejected() {
        answerWith(200, new byte[5000]); // limit 4096, Content-Length says so up front
        TrackerException declared = failure(announce());
        assertEquals(TrackerException.Kind.MALFORMED_RESPONSE, declared.kind());
        assertTrue(declared.getMessage().contains("4096"), declared.getMessage());

        answer = exchange -> { // chunked: no length up front, so it is counted while read
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < 10; i++) {
                out.write(new byte[1000]);
            }
        };
        TrackerException streamed = failure(announce());
        assertEquals(TrackerException.Kind.MALFORMED_RESPONSE, streamed.kind());
        assertTrue(streamed.getMessage().contains("4096"), streamed.getMessage());
    }

    @Test
    void aSlowTrackerTimesOut() {
        answer = exchange -> {
            try {
                Thread.sleep(60_000); // never answers: the server's shutdown after the test wakes it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        HttpTrackerClient impatient = new HttpTrackerClient(new HttpSettings(Duration.ofSeconds(10),
                Duration.ofMillis(500), 4096, "Shoal-test"));
        long start = System.nanoTime();
        TrackerException e = failure(impatient.announce(announceUrl(),
                TrackerUrlsTest.request(AnnounceEvent.STARTED, Optional.empty())));
        System.out.printf("HttpTrackerClientTest: a tracker that never answers given up after %d ms (500 ms allowed)%n",
                (System.nanoTime() - start) / 1_000_000);
        assertEquals(TrackerException.Kind.NETWORK, e.kind());
        assertTrue(e.getMessage().startsWith("no answer from 127.0.0.1 in time"), e.getMessage());
    }

    @Test
    void aClosedPortIsANetworkFailure() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort();
        }
        TrackerException e = failure(client.announce(URI.create("http://127.0.0.1:" + closed + "/announce"),
                TrackerUrlsTest.request(AnnounceEvent.NONE, Optional.empty())));
        assertEquals(TrackerException.Kind.NETWORK, e.kind());
    }

    @Test
    void scrapesSeveralHashesFromTheScrapeUrl() throws Exception {
        InfoHash a = InfoHash.fromHex("0123456789abcdef0123456789abcdef01234567");
        InfoHash b = TrackerUrlsTest.BINARY_HASH;
        answerWith(200, bytes("d5:filesd", "0x" + a.hex(), "d8:completei1e10:downloadedi2e10:incompletei3ee",
                "0x" + b.hex(), "d8:completei4e10:downloadedi5e10:incompletei6eeee"));
        ScrapeResponse response = await(client.scrape(announceUrl(), List.of(a, b)));
        assertEquals("/scrape", lastRequest.getRawPath());
        assertEquals("info_hash=%01%23Eg%89%AB%CD%EF%01%23Eg%89%AB%CD%EF%01%23Eg"
                + "&info_hash=%00%FFA%20~-._z0%25%26%3F%2F%80%C3%A9%E9%FF%10", lastRequest.getRawQuery());
        assertEquals(Optional.of(new ScrapeStats(1, 2, 3)), response.stats(a));
        assertEquals(Optional.of(new ScrapeStats(4, 5, 6)), response.stats(b));
    }

    @Test
    void noScrapeWithoutAnAnnounceSegment() {
        URI tracker = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tracker");
        assertEquals(TrackerException.Kind.UNSUPPORTED,
                failure(client.scrape(tracker, List.of(TrackerUrlsTest.BINARY_HASH))).kind());
    }
}
