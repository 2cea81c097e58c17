package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shoal.test.support.LibtorrentPeer;
import dev.shoal.test.support.OpenTracker;
import dev.shoal.test.support.Processes;
import dev.shoal.test.support.SystemProgram;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transmission's own web client (Debian's transmission-common, {@value #DEBIAN_WEB}) served by
 * Shoal at /transmission/web/ with credentials on: its files as a browser gets them (and nothing
 * outside the folder), and the client itself in headless Chromium listing a real download from a
 * libtorrent seed and pausing it with its row's button.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TransmissionWebIT {

    static final String DEBIAN_WEB = "/usr/share/transmission/web";
    /** Where the screenshot goes; README shows the copy in docs/screenshots/. */
    static final Path SCREENSHOT = Path.of("target", "screenshots", "transmission-web.png");

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration MOVES_WITHIN = Duration.ofSeconds(90);
    private static final String USER = "alice";
    private static final String PASSWORD = "s3cret-pass";

    @RegisterExtension
    static final TestSwarm swarm = TestSwarm.of(TestSwarm.Tracker.PER_CLASS, TestSwarm.Announce.HTTP);

    @TempDir
    Path work;

    private ShoalDaemon daemon;
    private int rpcPort;

    @AfterEach
    void stopDaemon() throws InterruptedException {
        if (daemon != null) {
            daemon.close();
        }
    }

    private Shoal start(Path webRoot) throws IOException {
        Shoal shoal = new Shoal(work);
        rpcPort = OpenTracker.freePort();
        ShoalDaemon.peersOnLoopback(shoal.dataDir());
        ShoalDaemon.configure(shoal.dataDir(), "dev.shoal.rpc", Map.of("port", String.valueOf(rpcPort), "user", USER,
                ".password", PASSWORD, "webRoot", webRoot.toString()));
        daemon = ShoalDaemon.start(shoal, work).awaitRemoteShell(STARTUP);
        awaitWeb();
        return shoal;
    }

    /** Jetty may listen a moment before the whiteboard has added the servlet: until then it answers 404. */
    private void awaitWeb() throws IOException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        int status = 0;
        while (System.nanoTime() - deadline < 0) {
            try {
                status = get("/transmission/web/", true).statusCode();
            } catch (IOException e) {
                status = -1;
            }
            if (status == 200) {
                return;
            }
            ShoalGet.sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("/transmission/web/ still answers " + status + " after " + STARTUP.toSeconds()
                + " s\n" + daemon.output());
    }

    private static Path debianWeb() {
        Path web = Path.of(DEBIAN_WEB);
        if (!Files.isRegularFile(web.resolve("index.html"))) {
            // transmission-cli and transmission-daemon depend on transmission-common, which has it.
            SystemProgram.require("transmission-remote");
        }
        return web;
    }

    @Test
    void theFolderIsServedAndNothingOutsideIt() throws Exception {
        Path curl = SystemProgram.require("curl");
        Path webRoot = work.resolve("web");
        copy(debianWeb(), webRoot);
        Files.writeString(work.resolve("secret.txt"), "not for the web");
        Files.createSymbolicLink(webRoot.resolve("secret.txt"), work.resolve("secret.txt"));
        Files.writeString(webRoot.resolve(".htpasswd"), "hidden");
        start(webRoot);

        HttpResponse<String> index = get("/transmission/web/", true);
        assertAll(index.body(), () -> assertEquals(200, index.statusCode()),
                () -> assertEquals("text/html;charset=utf-8", contentType(index)),
                () -> assertEquals(Files.readString(webRoot.resolve("index.html")), index.body()));
        HttpResponse<String> anonymous = get("/transmission/web/", false);
        assertAll(() -> assertEquals(401, anonymous.statusCode()),
                () -> assertEquals(Optional.of("Basic realm=\"Shoal\""),
                        anonymous.headers().firstValue("WWW-Authenticate")));
        HttpResponse<String> noSlash = get("/transmission/web", true);
        assertAll(() -> assertEquals(301, noSlash.statusCode()),
                () -> assertTrue(noSlash.headers().firstValue("Location").orElse("").endsWith("/transmission/web/"),
                        noSlash.headers().toString()));
        assertType("/transmission/web/javascript/transmission.js", "text/javascript;charset=utf-8");
        assertType("/transmission/web/style/transmission/common.css", "text/css;charset=utf-8");
        assertType("/transmission/web/images/favicon.png", "image/png");
        assertType("/transmission/web/images/favicon.ico", "image/x-icon");
        assertEquals(404, get("/transmission/web/javascript/", true).statusCode(), "no listing");
        assertEquals(404, get("/transmission/web/secret.txt", true).statusCode(), "a link out of the folder");
        assertEquals(404, get("/transmission/web/.htpasswd", true).statusCode(), "a hidden file");

        // curl sends the dots as written (--path-as-is), encoded or not; Jetty and the servlet each refuse.
        for (String path : List.of("/transmission/web/../../../../etc/passwd", "/transmission/web/%2e%2e/%2e%2e/etc/passwd",
                "/transmission/web/..%2f..%2f..%2fetc%2fpasswd", "/transmission/web/%2e%2e%5c%2e%2e%5cetc%5cpasswd",
                "/transmission/web/javascript/..%2f..%2f" + work.getFileName() + "%2fsecret.txt",
                "/transmission/web//etc/passwd", "/transmission/web/" + work.resolve("secret.txt"))) {
            Processes.Result result = curl(curl, "--path-as-is", "http://127.0.0.1:" + rpcPort + path);
            String status = result.stdout().lines().reduce((a, b) -> b).orElse("");
            assertAll(path + "\n" + result.describe(), () -> assertFalse(status.startsWith("2"), "status " + status),
                    () -> assertFalse(result.stdout().contains("root:"), "no /etc/passwd"),
                    () -> assertFalse(result.stdout().contains("not for the web"), "no secret"));
        }
        for (String method : List.of("POST", "PUT", "DELETE", "TRACE", "OPTIONS")) {
            Processes.Result result = curl(curl, "-X", method, "-i", "http://127.0.0.1:" + rpcPort
                    + "/transmission/web/index.html");
            assertTrue(result.stdout().contains("405") && result.stdout().contains("Allow: GET, HEAD"),
                    method + "\n" + result.describe());
        }
        Processes.Result head = curl(curl, "-I", "http://127.0.0.1:" + rpcPort + "/transmission/web/index.html");
        assertTrue(head.stdout().contains("HTTP/1.1 200") && head.stdout().contains("Content-Length: "
                + Files.size(webRoot.resolve("index.html"))), head.describe());
        Processes.Result evil = curl(curl, "-H", "Host: evil.example", "http://127.0.0.1:" + rpcPort
                + "/transmission/web/");
        assertTrue(evil.stdout().strip().endsWith("421"), evil.describe());
        assertTrue(daemon.isAlive(), daemon.output());
    }

    @Test
    void transmissionsWebClientInChromiumPausesARealDownload() throws Exception {
        Path webRoot = debianWeb();
        Shoal shoal = start(webRoot);
        ShoalCli cli = new ShoalCli(shoal);
        // Slow enough that the download is still going when the browser looks at it.
        cli.ok("shoal:limit", "--down", "1M");
        Path download = swarm.newDirectory("web-download");
        String name = swarm.torrent().name();
        try (LibtorrentPeer seed = LibtorrentPeer.seed(swarm.torrent(), swarm.seedDir()).start();
                HeadlessChromium chromium = HeadlessChromium.start(work, 1280, 720)) {
            cli.ok("shoal:add", swarm.torrentFile().toString(), "--dir", download.toString());
            // Not user:password@ in the URL: the page's own requests could not be made from such a page.
            chromium.answerChallenges(USER, PASSWORD);
            chromium.navigate("http://127.0.0.1:" + rpcPort + "/transmission/web/");
            String row = "[...document.querySelectorAll('li.torrent')].find(r => r.querySelector('.torrent_name')"
                    + " && r.querySelector('.torrent_name').textContent === " + js(name) + ")";
            JsonNode seen = await(chromium, "the row of the download, receiving from the seed",
                    "(() => { const r = " + row + "; return r ? {peers: r.querySelector('.torrent_peer_details')"
                            + ".textContent, progress: r.querySelector('.torrent_progress_details').textContent,"
                            + " button: r.querySelector('.torrent_pause, .torrent_resume').className} : null; })()",
                    v -> v.path("peers").asText().startsWith("Downloading from 1 of 1") && !v.path("peers").asText()
                            .contains("\u25bc0 kB/s") && v.path("button").asText().equals("torrent_pause"));
            System.out.println("TransmissionWebIT: the row in Transmission's web client: " + seen + "; "
                    + chromium.challenges() + " credential challenge(s) answered");
            assertTrue(chromium.challenges() >= 1, "the page asked for credentials");
            Files.createDirectories(SCREENSHOT.getParent());
            Files.write(SCREENSHOT, chromium.screenshot());

            String id = cli.ok("shoal:list").lines().filter(l -> l.contains(name)).findFirst().orElseThrow().strip()
                    .split("\\s+")[0];
            assertFalse(cli.info(id).state().contains("paused"), cli.info(id).toString());
            chromium.evaluate("(" + row + ").querySelector('.torrent_pause').click()");
            ShoalCli.Info paused = cli.awaitInfo(id, "paused by the web client's button", MOVES_WITHIN,
                    info -> info.state().contains("paused"), daemon::output);
            System.out.println("TransmissionWebIT: shoal:info after the click: " + paused.state());
            await(chromium, "the row showing the resume button", "(() => { const r = " + row
                    + "; return r ? r.querySelector('.torrent_pause, .torrent_resume').className : null; })()",
                    v -> v.asText().equals("torrent_resume"));
            String list = cli.ok("shoal:list");
            assertTrue(list.lines().anyMatch(l -> l.contains(name) && l.contains("paused")), list);
        }
        assertTrue(daemon.isAlive(), daemon.output());
    }

    /** Evaluates {@code expression} every 250 ms until {@code goal} accepts its value; that value. */
    private JsonNode await(HeadlessChromium chromium, String what, String expression,
            java.util.function.Predicate<JsonNode> goal) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + MOVES_WITHIN.toNanos();
        JsonNode last = null;
        while (System.nanoTime() - deadline < 0) {
            last = chromium.evaluate(expression);
            if (!last.isNull() && !last.isMissingNode() && goal.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        String page = chromium.evaluate("document.body ? document.body.innerText.slice(0, 2000) : ''").asText();
        throw new AssertionError("not " + what + " within " + MOVES_WITHIN.toSeconds() + " s; last " + last
                + "\npage:\n" + page + "\njavascript errors: " + chromium.errors() + "\n" + daemon.output());
    }

    private static String js(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private HttpResponse<String> get(String path, boolean credentials) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rpcPort + path))
                .timeout(Duration.ofSeconds(30));
        if (credentials) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD)
                    .getBytes()));
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private void assertType(String path, String type) throws IOException {
        HttpResponse<String> response = get(path, true);
        assertAll(path, () -> assertEquals(200, response.statusCode()),
                () -> assertEquals(type, contentType(response)),
                () -> assertEquals(Optional.of("nosniff"), response.headers().firstValue("X-Content-Type-Options")));
    }

    /** Jetty writes the charset its own way ("text/html;charset=utf-8"). */
    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase(Locale.ROOT);
    }

    private static Processes.Result curl(Path curl, String... args) {
        List<String> line = new ArrayList<>(List.of(curl.toString(), "-s", "-u", USER + ":" + PASSWORD, "-w",
                "\n%{http_code}"));
        line.addAll(List.of(args));
        return Processes.run(line, Duration.ofSeconds(30));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : all.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
