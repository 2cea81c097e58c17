package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * A Transmission RPC client for the ITs, as clients speak it: Basic credentials when given, the
 * {@code X-Transmission-Session-Id} handshake (a 409 carries the id, the request is sent again), one
 * JSON reply per call.
 */
final class RpcClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSION_HEADER = "X-Transmission-Session-Id";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI uri;
    private final String auth;
    private String session;

    /** @param user null for a daemon without credentials */
    RpcClient(int port, String user, String password) {
        this.uri = URI.create("http://127.0.0.1:" + port + "/transmission/rpc");
        this.auth = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** One POST with this session id (null for none), as it is answered. */
    HttpResponse<String> post(String sessionId, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        if (sessionId != null) {
            request.header(SESSION_HEADER, sessionId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Waits until the servlet answers: Jetty starts a moment after the remote shell (and after the
     * RPC chose its port), so the port may refuse connections first, and Jetty may listen a moment
     * before the whiteboard has added the servlet, answering 404 until then.
     */
    void awaitServlet(Duration timeout, Supplier<String> context) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last;
        while (true) {
            try {
                int status = post(null, "{}").statusCode();
                if (status != 404) {
                    return;
                }
                last = "answers 404";
            } catch (ConnectException e) {
                last = "refuses connections";
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the RPC servlet still " + last + " after " + timeout.toSeconds() + " s\n"
                        + context.get());
            }
            ShoalGet.sleep(Duration.ofMillis(200));
        }
    }

    /** The whole reply to {@code method} with {@code arguments} (a JSON object), through the handshake. */
    JsonNode call(String method, String arguments) throws IOException, InterruptedException {
        String json = "{\"method\":\"" + method + "\",\"arguments\":" + arguments + "}";
        HttpResponse<String> response = post(session, json);
        if (response.statusCode() == 409) {
            session = response.headers().firstValue(SESSION_HEADER).orElseThrow();
            response = post(session, json);
        }
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /** The reply's arguments, the result asserted to be success. */
    JsonNode ok(String method, String arguments) throws IOException, InterruptedException {
        JsonNode reply = call(method, arguments);
        assertEquals("success", reply.path("result").asText(), method + " " + arguments + " -> " + reply);
        return reply.path("arguments");
    }

    /** The error result of a call that must fail. */
    String refused(String method, String arguments) throws IOException, InterruptedException {
        JsonNode reply = call(method, arguments);
        String result = reply.path("result").asText();
        if (result.equals("success")) {
            throw new AssertionError(method + " " + arguments + " succeeded: " + reply);
        }
        return result;
    }

    /** One torrent's fields. */
    JsonNode torrent(int id, String... fields) throws IOException, InterruptedException {
        return ok("torrent-get", "{\"ids\":[" + id + "],\"fields\":" + JSON.writeValueAsString(fields) + "}")
                .path("torrents").path(0);
    }
}
