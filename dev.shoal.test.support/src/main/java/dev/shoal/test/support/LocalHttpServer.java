package dev.shoal.test.support;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real HTTP server on 127.0.0.1 for the providers' tests: it records what it was asked and
 * serves canned, stalled, redirecting or endless answers. Stalled handlers wait until
 * {@link #close()}, which releases them and stops every thread the server started. As a field
 * with {@code @RegisterExtension} it runs for one test and closes after it.
 */
public final class LocalHttpServer implements AutoCloseable, AfterEachCallback {

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<URI> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicLong written = new AtomicLong();
    private final CountDownLatch endlessDone = new CountDownLatch(1);

    private LocalHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work, "test-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
    }

    public static LocalHttpServer start() {
        try {
            return new LocalHttpServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        close();
    }

    /** Serves {@code handler} under {@code path}, recording each request first. */
    public LocalHttpServer on(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            requests.add(exchange.getRequestURI());
            try {
                handler.handle(exchange);
            } catch (IOException e) {
                // The client hung up (a cut transfer, a cancelled search): what these tests cause.
            } finally {
                exchange.close();
            }
        });
        return this;
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    public List<URI> requests() {
        return List.copyOf(requests);
    }

    /** Body bytes the endless handlers managed to write before the client stopped them. */
    public long written() {
        return written.get();
    }

    /** The decoded query parameters of a request, the first value of each. */
    public static Map<String, String> query(URI request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = request.getRawQuery();
        if (raw == null) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    /** A text resource beside {@code owner}, read as UTF-8: the fixtures the server serves. */
    public static String resource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name + " beside " + owner.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 200 with this XML. */
    public static HttpHandler xml(String body) {
        return status(200, body);
    }

    /** This status with this body. */
    public static HttpHandler status(int status, String body) {
        return bytes(status, "application/xml; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    /** This status with these bytes of this content type (a {@code .torrent} file, say). */
    public static HttpHandler bytes(int status, String contentType, byte[] body) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        };
    }

    /** A redirect to {@code location}. */
    public static HttpHandler redirect(int status, String location) {
        return exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(status, -1);
        };
    }

    /** Sends nothing, not even headers, until the server closes. */
    public HttpHandler stallBeforeHeaders() {
        return exchange -> awaitRelease();
    }

    /** Sends headers and {@code start}, then nothing more until the server closes. */
    public HttpHandler stallAfter(String start) {
        return exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write(start.getBytes(StandardCharsets.UTF_8));
            out.flush();
            awaitRelease();
        };
    }

    /**
     * Sends {@code head}, then {@code repeated} over and over until {@code total} bytes or the
     * client goes away, without ever holding more than one copy in memory.
     */
    public HttpHandler endless(String head, String repeated, long total) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            byte[] first = head.getBytes(StandardCharsets.UTF_8);
            byte[] block = repeated.getBytes(StandardCharsets.UTF_8);
            try {
                out.write(first);
                written.addAndGet(first.length);
                while (written.get() < total) {
                    out.write(block);
                    written.addAndGet(block.length);
                }
            } finally {
                endlessDone.countDown();
            }
        };
    }

    /** Waits until an {@link #endless} handler stopped writing, because it was done or cut off. */
    public void awaitEndlessDone() throws InterruptedException {
        endlessDone.await();
    }

    private void awaitRelease() {
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (release.getCount() == 0) {
            return;
        }
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test server's threads did not stop");
        }
    }
}
