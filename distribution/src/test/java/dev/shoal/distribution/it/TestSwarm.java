package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import dev.shoal.test.support.OpenTracker;
import dev.shoal.test.support.RealPeer;
import dev.shoal.test.support.SwarmData;
import dev.shoal.test.support.SystemProgram;
import dev.shoal.test.support.Torrent;

/**
 * What the swarm ITs of a class share, as a JUnit extension in a static field: the ~256 MiB
 * multi-file payload ({@link SwarmData}'s default layout, odd sizes, a zero-length file, nested
 * folders), made once before the class's tests and deleted after them, its torrent made by mktorrent
 * with 256 KiB pieces, and opentracker on 127.0.0.1 announcing over HTTP or UDP, as the torrent
 * says. The tracker runs for the whole class, or is restarted empty before each test, or is left to
 * the test to start ({@link #startTracker()}). Over HTTP, the announces may pass through an
 * {@link AnnounceLog} that notes their events ({@link #withAnnounceLog()}).
 */
final class TestSwarm implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    /** How the torrent announces: its one tracker URL is opentracker's HTTP or its UDP (BEP 15) address. */
    enum Announce {
        HTTP, UDP
    }

    /** When opentracker runs. */
    enum Tracker {
        /** From before the first test to after the last. */
        PER_CLASS,
        /** Restarted before each test, so each starts with an empty swarm. */
        PER_TEST,
        /** Only once a test calls {@link #startTracker()}. */
        STARTED_BY_TEST
    }

    /** What opentracker counts for the torrent: peers that announced complete and incomplete. */
    record Scrape(int complete, int incomplete) {
    }

    static final int PIECE_LENGTH_EXPONENT = 18;

    private static final Pattern COMPLETE = Pattern.compile("8:completei(\\d+)e");
    private static final Pattern INCOMPLETE = Pattern.compile("10:incompletei(\\d+)e");

    private final Tracker trackerMode;
    private final List<Announce> announce;
    /** Scrapes of the local opentracker: bounded, but generous for a loaded machine. */
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private SwarmData data;
    private Torrent torrent;
    /** The port in the torrent's URL: opentracker's, or the announce log's in front of it. */
    private int trackerPort;
    private int openTrackerPort;
    private OpenTracker tracker;
    private boolean logAnnounces;
    private AnnounceLog announceLog;

    private TestSwarm(Tracker trackerMode, Announce... announce) {
        this.trackerMode = trackerMode;
        this.announce = List.of(announce);
    }

    /**
     * A swarm whose torrent announces to opentracker on 127.0.0.1 over each of {@code announce} in
     * turn, one tier each (BEP 12: a client tries the next tier only when the first fails). aria2 1.36
     * without DHT cannot announce over UDP: it needs an HTTP tier.
     */
    static TestSwarm of(Tracker tracker, Announce... announce) {
        return new TestSwarm(tracker, announce);
    }

    /** Announces pass through an {@link AnnounceLog} ({@link #announces()}); HTTP only. */
    TestSwarm withAnnounceLog() {
        if (!announce.equals(List.of(Announce.HTTP))) {
            throw new IllegalArgumentException("the announce log relays HTTP only");
        }
        logAnnounces = true;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        SystemProgram.require("opentracker");
        SystemProgram.require("mktorrent");
        trackerPort = OpenTracker.freePort();
        openTrackerPort = trackerPort;
        if (logAnnounces) {
            openTrackerPort = OpenTracker.freePort();
            announceLog = AnnounceLog.start(trackerPort, openTrackerPort);
        }
        List<URI> tiers = announce.stream().map(how -> URI.create(
                (how == Announce.HTTP ? "http" : "udp") + "://127.0.0.1:" + trackerPort + "/announce")).toList();
        data = SwarmData.generate(SwarmData.DEFAULT_SIZE);
        torrent = data.makeTorrent(tiers, PIECE_LENGTH_EXPONENT);
        if (trackerMode == Tracker.PER_CLASS) {
            startTracker();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (trackerMode == Tracker.PER_TEST) {
            startTracker();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            stopTracker();
            if (announceLog != null) {
                announceLog.close();
            }
        } finally {
            if (data != null) {
                data.close();
            }
        }
    }

    /** Starts opentracker on the torrent's port, or restarts it there with no peers. */
    void startTracker() throws IOException, InterruptedException {
        stopTracker();
        tracker = OpenTracker.start(List.of(torrent.infoHash()), openTrackerPort);
    }

    private void stopTracker() {
        if (tracker != null) {
            tracker.close();
            tracker = null;
        }
    }

    /** The announces the tracker was sent so far, in order; see {@link #withAnnounceLog()}. */
    List<AnnounceLog.Announce> announces() {
        return announceLog.announces();
    }

    /** The tracker's HTTP announce URL (the announce log's, when there is one): what the torrent's HTTP tier says. */
    URI httpAnnounce() {
        return URI.create("http://127.0.0.1:" + trackerPort + "/announce");
    }

    Torrent torrent() {
        return torrent;
    }

    Path torrentFile() {
        return torrent.file();
    }

    long size() {
        return torrent.totalLength();
    }

    /** The complete data: the folder holding the torrent's top folder. */
    Path seedDir() {
        return data.seedDir();
    }

    SwarmData data() {
        return data;
    }

    /** A new empty folder, deleted with the swarm. */
    Path newDirectory(String label) {
        return data.newDirectory(label);
    }

    void assertDownloaded(Path dir, SwarmData.Compare how) {
        data.assertDownloaded(dir, how);
    }

    /** The tracker's counts for the torrent now (an HTTP scrape). */
    Scrape scrape() {
        StringBuilder hash = new StringBuilder();
        for (byte b : HexFormat.of().parseHex(torrent.infoHash())) {
            hash.append(String.format("%%%02X", b & 0xFF));
        }
        URI uri = URI.create("http://127.0.0.1:" + trackerPort + "/scrape?info_hash=" + hash);
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            String body = new String(response.body(), StandardCharsets.ISO_8859_1);
            return new Scrape(count(COMPLETE, body), count(INCOMPLETE, body));
        } catch (IOException e) {
            throw new UncheckedIOException("scrape " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Waits until the tracker's counts satisfy {@code goal}, e.g. a peer that ignores loopback peers
     * from trackers has announced, so that Shoal's first announce returns it and Shoal dials it.
     */
    void awaitAnnounced(String what, Predicate<Scrape> goal, Duration timeout, Supplier<String> context) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Scrape now = scrape();
        while (!goal.test(now)) {
            if (System.nanoTime() > deadline) {
                fail("the tracker did not see " + what + " within " + timeout.toSeconds() + " s: " + now + "\n"
                        + context.get());
            }
            ShoalGet.sleep(Duration.ofMillis(200));
            now = scrape();
        }
    }

    private static int count(Pattern field, String body) {
        Matcher m = field.matcher(body);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The peers' states and log tails, for a failure message. */
    static Supplier<String> logs(RealPeer<?>... peers) {
        return () -> {
            StringBuilder out = new StringBuilder();
            for (RealPeer<?> peer : peers) {
                String status;
                try {
                    status = String.valueOf(peer.status());
                } catch (RuntimeException | AssertionError e) {
                    status = "(status unknown: " + e.getMessage() + ")";
                }
                out.append("--- ").append(peer.getClass().getSimpleName()).append(" on port ").append(peer.port())
                        .append(": ").append(status).append(" ---\n").append(peer.logTail()).append('\n');
            }
            return out.toString();
        };
    }
}
