package dev.shoal.distribution.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shoal.test.support.SystemProgram;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's {@code chromium}, headless, driven over the DevTools protocol on its own websocket (the
 * JDK's client; no WebDriver): one page, navigated, evaluated in, screenshotted. Its profile is a
 * fresh folder; {@link #close()} ends it and every process it started, by their process ids.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration CALL = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final WebSocket page;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger challenges = new AtomicInteger();
    private final List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile String user;
    private volatile String password;

    private HeadlessChromium(Process process, WebSocket page) {
        this.process = process;
        this.page = page;
    }

    /** Chromium on about:blank, {@code width} x {@code height}, profile and logs under {@code work}. */
    static HeadlessChromium start(Path work, int width, int height) throws IOException, InterruptedException {
        Path chromium = SystemProgram.require("chromium");
        Path profile = Files.createDirectories(work.resolve("chromium-profile"));
        Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--password-store=basic",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
                "--window-size=" + width + "," + height, "about:blank")
                .redirectErrorStream(true).redirectOutput(work.resolve("chromium.log").toFile()).start();
        try {
            int port = devToolsPort(process, profile.resolve("DevToolsActivePort"), work.resolve("chromium.log"));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String socket = pageSocket(http, port);
            Listener listener = new Listener();
            WebSocket ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create(socket), listener).get(30, TimeUnit.SECONDS);
            HeadlessChromium browser = new HeadlessChromium(process, ws);
            listener.browser = browser;
            browser.call("Page.enable", JSON.createObjectNode());
            browser.call("Runtime.enable", JSON.createObjectNode());
            return browser;
        } catch (IOException | InterruptedException | RuntimeException | ExecutionException | TimeoutException e) {
            stop(process);
            throw new IOException("chromium did not start: " + e + "\n" + log(work.resolve("chromium.log")), e);
        }
    }

    private static int devToolsPort(Process process, Path file, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file);
                if (!lines.isEmpty() && lines.get(0).strip().matches("\\d+")) {
                    return Integer.parseInt(lines.get(0).strip());
                }
            }
            if (!process.isAlive()) {
                throw new IOException("chromium exited with " + process.exitValue());
            }
            Thread.sleep(100);
        }
        throw new IOException("no " + file + " after " + STARTUP.toSeconds() + " s");
    }

    private static String pageSocket(HttpClient http, int port) throws IOException, InterruptedException {
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/json/list")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode target : JSON.readTree(list.body())) {
            if (target.path("type").asText().equals("page")) {
                return target.path("webSocketDebuggerUrl").asText();
            }
        }
        throw new IOException("no page among chromium's targets: " + list.body());
    }

    /** One DevTools command; its {@code result}, or an IOException with the protocol's error. */
    JsonNode call(String method, ObjectNode params) throws IOException, InterruptedException {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        send(message);
        JsonNode answer;
        try {
            answer = reply.get(CALL.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException(method + ": no answer from chromium: " + e, e);
        } finally {
            pending.remove(id);
        }
        if (answer.has("error")) {
            throw new IOException(method + ": " + answer.get("error"));
        }
        return answer.path("result");
    }

    /** One message at a time: the JDK's websocket refuses a send while another is under way. */
    private synchronized void send(ObjectNode message) throws IOException {
        page.sendText(JSON.writeValueAsString(message), true).join();
    }

    /**
     * Answers every HTTP authentication challenge with these credentials, as a user typing them
     * into the browser's dialog would (a headless browser has no dialog); {@link #challenges()} counts them.
     */
    void answerChallenges(String user, String password) throws IOException, InterruptedException {
        this.user = user;
        this.password = password;
        ObjectNode fetch = JSON.createObjectNode().put("handleAuthRequests", true);
        fetch.putArray("patterns").addObject().put("urlPattern", "*");
        call("Fetch.enable", fetch);
    }

    /** The page's uncaught JavaScript exceptions so far, for a failure message. */
    List<String> errors() {
        return List.copyOf(errors);
    }

    int challenges() {
        return challenges.get();
    }

    /** An event: a paused request goes on, a challenge gets the credentials. */
    private void event(JsonNode message) throws IOException {
        String method = message.path("method").asText();
        String request = message.path("params").path("requestId").asText();
        if (method.equals("Fetch.requestPaused")) {
            ObjectNode go = JSON.createObjectNode().put("id", ids.incrementAndGet()).put("method", "Fetch.continueRequest");
            go.putObject("params").put("requestId", request);
            send(go);
        } else if (method.equals("Runtime.exceptionThrown")) {
            JsonNode details = message.path("params").path("exceptionDetails");
            errors.add(details.path("exception").path("description").asText(details.path("text").asText()) + " at "
                    + details.path("url").asText() + ":" + details.path("lineNumber").asInt());
        } else if (method.equals("Fetch.authRequired")) {
            challenges.incrementAndGet();
            ObjectNode answer = JSON.createObjectNode().put("id", ids.incrementAndGet())
                    .put("method", "Fetch.continueWithAuth");
            answer.putObject("params").put("requestId", request).putObject("authChallengeResponse")
                    .put("response", "ProvideCredentials").put("username", user).put("password", password);
            send(answer);
        }
    }

    void navigate(String url) throws IOException, InterruptedException {
        JsonNode result = call("Page.navigate", JSON.createObjectNode().put("url", url));
        if (result.hasNonNull("errorText")) {
            throw new IOException("navigating to " + url + ": " + result.get("errorText").asText());
        }
    }

    /** The value of a JavaScript expression in the page (a promise awaited); an exception it throws is an IOException. */
    JsonNode evaluate(String expression) throws IOException, InterruptedException {
        JsonNode result = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
                .put("returnByValue", true).put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IOException("javascript failed: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** The page as it shows now, as PNG. */
    byte[] screenshot() throws IOException, InterruptedException {
        JsonNode result = call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
        return Base64.getDecoder().decode(result.path("data").asText());
    }

    @Override
    public void close() {
        page.abort();
        stop(process);
    }

    /** Chromium, then whatever of its helpers (zygote, renderers) outlived it, by their process ids. */
    private static void stop(Process process) {
        List<ProcessHandle> helpers = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        helpers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static String log(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(" + log + " unreadable: " + e + ")";
        }
    }

    /** Gathers a message's fragments; hands each answer to the call waiting for its id, each event to {@link #event}. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private volatile HeadlessChromium browser;

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                try {
                    JsonNode node = JSON.readTree(message);
                    HeadlessChromium owner = browser;
                    if (owner != null && node.has("id")) {
                        CompletableFuture<JsonNode> waiting = owner.pending.get(node.get("id").asInt());
                        if (waiting != null) {
                            waiting.complete(node);
                        }
                    } else if (owner != null && node.has("method")) {
                        owner.event(node);
                    }
                } catch (IOException e) {
                    // Not JSON: chromium only speaks JSON here; nothing waits on such a message.
                }
            }
            socket.request(1);
            return null;
        }
    }
}
