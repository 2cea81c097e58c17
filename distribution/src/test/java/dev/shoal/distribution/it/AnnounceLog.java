package dev.shoal.distribution.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * An HTTP relay in front of opentracker that notes every announce passing through (who, which event),
 * since opentracker keeps no log: a test can then tell which events a client sent, such as no
 * {@code stopped} while its bundles were swapped. Requests and answers pass unchanged.
 */
final class AnnounceLog implements AutoCloseable {

    /**
     * One announce as sent.
     *
     * @param peerId the peer id as it appears in the query (percent-encoded)
     * @param event  {@code started}, {@code completed}, {@code stopped}, or empty for a regular announce
     */
    record Announce(String peerId, String event) {

        /** Sent by Shoal (its peer ids start {@code -SH}). */
        boolean byShoal() {
            return peerId.startsWith("-SH");
        }
    }

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final int trackerPort;
    private final List<Announce> announces = new CopyOnWriteArrayList<>();

    private AnnounceLog(HttpServer server, int trackerPort) {
        this.server = server;
        this.trackerPort = trackerPort;
    }

    /** Listens on 127.0.0.1:{@code port} and passes every request on to 127.0.0.1:{@code trackerPort}. */
    static AnnounceLog start(int port, int trackerPort) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        AnnounceLog log = new AnnounceLog(server, trackerPort);
        server.createContext("/", log::relay);
        server.setExecutor(Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work, "announce-log");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return log;
    }

    List<Announce> announces() {
        return List.copyOf(announces);
    }

    private void relay(HttpExchange exchange) throws IOException {
        URI asked = exchange.getRequestURI();
        String query = asked.getRawQuery() == null ? "" : asked.getRawQuery();
        if (asked.getPath().endsWith("/announce")) {
            announces.add(new Announce(parameter(query, "peer_id"), parameter(query, "event")));
        }
        URI target = URI.create("http://127.0.0.1:" + trackerPort + asked.getRawPath()
                + (query.isEmpty() ? "" : "?" + query));
        try {
            HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(answer.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
        } catch (IOException e) {
            exchange.sendResponseHeaders(502, -1);
        } finally {
            exchange.close();
        }
    }

    private static String parameter(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return "";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
