package dev.shoal.test.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON over HTTP to a client's control port on 127.0.0.1 (aria2's JSON-RPC, Transmission's RPC),
 * with just enough JSON to read the flat fields a test polls: no JSON library in the test support, and
 * exact byte counts rather than the rounded figures the command-line tools print.
 */
final class LocalRpc {

    /** Transmission's guard against cross-site requests: a 409 tells the id to send back. */
    private static final String SESSION_HEADER = "X-Transmission-Session-Id";
    /** One call to a local client, which may be busy (checking data) on a loaded machine. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final URI uri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CALL_TIMEOUT).build();
    private volatile String sessionId = "";

    LocalRpc(URI uri) {
        this.uri = uri;
    }

    /** Posts {@code json} and returns the answer's body; an HTTP status other than 200 is an IOException. */
    String call(String json) throws IOException {
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(CALL_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header(SESSION_HEADER, sessionId)
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted calling " + uri, e);
            }
            if (response.statusCode() == 409 && response.headers().firstValue(SESSION_HEADER).isPresent()) {
                sessionId = response.headers().firstValue(SESSION_HEADER).get();
                continue;
            }
            if (response.statusCode() != 200) {
                throw new IOException(uri + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
        throw new IOException(uri + " keeps asking for a new session id");
    }

    /** Whether the client answers {@code json} yet (it is starting). */
    boolean answers(String json) {
        try {
            call(json);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The first value of {@code "name":} in {@code json}: a number, {@code true}/{@code false}, or a
     * string's content (escapes left as they are). Enough for flat objects; not a JSON parser.
     */
    static Optional<String> field(String json, String name) {
        String string = "\"((?:[^\"\\\\]|\\\\.)*)\"";
        String scalar = "([-+.eE0-9]+|true|false)";
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(?:" + string + "|" + scalar + ")")
                .matcher(json);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) != null ? m.group(1) : m.group(2));
    }

    static long longField(String json, String name) {
        return field(json, name)
                .map(value -> value.matches("-?[0-9]+") ? Long.parseLong(value) : (long) Double.parseDouble(value))
                .orElse(0L);
    }

    URI uri() {
        return uri;
    }
}
