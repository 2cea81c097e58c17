package dev.shoal.test.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real aria2 1.36 ({@code aria2c}) for one torrent, on 127.0.0.1 only: a third, independent
 * implementation, small and strict, and the one that can play a peer sending bad data. Status comes
 * from its JSON-RPC (on, bound to loopback) under a fixed GID. It stops by itself when this JVM dies
 * ({@code --stop-with-process}).
 *
 * <ul>
 * <li>{@link #seed}: {@code -V --seed-ratio=0.0}: checks the data, then seeds until closed (0.0 means
 * no ratio goal, and no {@code --seed-time} means no time goal).
 * <li>{@link #leecher}: {@code --seed-time=0}: downloads, stops seeding at once; since RPC keeps aria2
 * running, {@link #awaitComplete} then shuts it down and requires exit code 0.
 * <li>{@link #corruptSeed}: {@code --check-integrity=false --bt-seed-unverified=true --seed-ratio=0.0}:
 * takes whatever is on disk as complete without hashing it and uploads it as it is, so data damaged
 * on disk (see {@link SwarmData#damagedCopy}) reaches the leechers as blocks that fail their piece hash.
 * </ul>
 * A leecher may start {@linkplain Builder#fromMagnet from a magnet link} instead of the .torrent file.
 * Either may {@linkplain Builder#dht join the DHT} through one node: aria2's IPv4 DHT, bound to
 * 127.0.0.1, with that node as its only entry point (aria2 filters no loopback node or peer).
 */
public final class Aria2Peer implements RealPeer<Aria2Peer.Status> {

    private static final Duration READY_WITHIN = Duration.ofSeconds(30);
    private static final String GID = "5a0a15a0a15a0a15";
    private static final String TELL_STATUS = "{\"jsonrpc\":\"2.0\",\"id\":\"t\",\"method\":\"aria2.tellStatus\","
            + "\"params\":[\"%s\",[\"status\",\"totalLength\",\"completedLength\",\"uploadLength\","
            + "\"downloadLength\",\"connections\",\"seeder\",\"errorCode\",\"errorMessage\",\"followedBy\"]]}";
    /** The download aria2 starts once a magnet's metadata is in (a JSON array: not {@link LocalRpc#field}'s). */
    private static final Pattern FOLLOWED_BY = Pattern.compile("\"followedBy\"\\s*:\\s*\\[\\s*\"([0-9a-fA-F]+)\"");
    private static final String SHUTDOWN = "{\"jsonrpc\":\"2.0\",\"id\":\"t\",\"method\":\"aria2.shutdown\"}";

    /** How aria2 treats the torrent's data. */
    public enum Mode {
        SEED, LEECHER, CORRUPT_SEED
    }

    /**
     * aria2's view of the download; {@code status} is active, waiting, paused, error, complete or removed.
     * {@code metadata}: the download is a magnet link's, still after the metadata (whose own "complete"
     * is not the torrent's).
     */
    public record Status(String status, long totalLength, long completedLength, long uploaded, long downloaded,
            int connections, boolean seeder, String error, boolean metadata) implements RealPeer.Status {

        static final Status NONE = new Status("starting", 0, 0, 0, 0, 0, false, "", false);

        static Status parse(String json, boolean metadata) {
            String code = LocalRpc.field(json, "errorCode").orElse("0");
            String error = "0".equals(code) ? ""
                    : "error " + code + ": " + LocalRpc.field(json, "errorMessage").orElse("");
            return new Status(LocalRpc.field(json, "status").orElse("?"), LocalRpc.longField(json, "totalLength"),
                    LocalRpc.longField(json, "completedLength"), LocalRpc.longField(json, "uploadLength"),
                    LocalRpc.longField(json, "downloadLength"), (int) LocalRpc.longField(json, "connections"),
                    "true".equals(LocalRpc.field(json, "seeder").orElse("")), error, metadata);
        }

        @Override
        public boolean complete() {
            return !metadata && totalLength > 0 && completedLength == totalLength;
        }
    }

    /** What to start; {@link #start()} starts it. */
    public static final class Builder extends PeerBuilder<Builder, Aria2Peer> {
        private final Mode mode;
        private boolean magnet;
        private URI magnetTracker;
        private InetSocketAddress dhtEntryPoint;
        private boolean requireEncryption;

        private Builder(Mode mode, Torrent torrent, Path dir) {
            super(torrent, dir);
            this.mode = mode;
        }

        /**
         * A leecher given the magnet link with the info-hash and {@code tracker} only (no {@code x.pe}:
         * aria2 1.36's magnet parser reads xt, tr and dn): it finds peers through the tracker, gets the
         * metadata from them (BEP 9), then downloads under a new GID, which {@link Aria2Peer#status()}
         * follows.
         */
        public Builder fromMagnet(URI tracker) {
            fromMagnet();
            magnetTracker = tracker;
            return this;
        }

        /**
         * A leecher given {@code magnet:?xt=urn:btih:<info-hash>} alone: it can only find peers through
         * {@linkplain #dht the DHT}.
         */
        public Builder fromMagnet() {
            if (mode != Mode.LEECHER) {
                throw new IllegalStateException("only a leecher starts from a magnet link");
            }
            magnet = true;
            return this;
        }

        /**
         * Turns aria2's IPv4 DHT on, on a UDP port of 127.0.0.1 and its routing table in its own work
         * directory, joining through {@code entryPoint}; aria2 then looks the torrent up (get_peers)
         * at once and announces it to the closest nodes that gave it a token.
         */
        public Builder dht(InetSocketAddress entryPoint) {
            dhtEntryPoint = entryPoint;
            return this;
        }

        /**
         * Message Stream Encryption required, RC4 payload ({@code --bt-require-crypto=true
         * --bt-min-crypto-level=arc4}): plaintext peers are refused.
         */
        public Builder requireEncryption() {
            requireEncryption = true;
            return this;
        }

        /** Starts aria2; a seed (either kind) is returned once it seeds, a good seed's data checked. */
        @Override
        public Aria2Peer start() throws IOException {
            Path program = SystemProgram.require("aria2c");
            int listen = listenPort();
            int rpcPort = OpenTracker.freePort();
            if (magnet && magnetTracker == null && dhtEntryPoint == null) {
                throw new IllegalStateException("a magnet link without a tracker needs the DHT");
            }
            int dhtPort = dhtEntryPoint == null ? 0 : OpenTracker.freePort();
            Path work = Files.createTempDirectory("aria2");
            List<String> command = new ArrayList<>(List.of(program.toString(), "--no-conf=true",
                    "--enable-dht6=false", "--bt-enable-lpd=false",
                    "--enable-peer-exchange=false", "--interface=127.0.0.1", "--disable-ipv6=true",
                    "--listen-port=" + listen, "--dir=" + dir(), "--gid=" + GID,
                    "--enable-rpc=true", "--rpc-listen-all=false", "--rpc-listen-port=" + rpcPort,
                    "--stop-with-process=" + ProcessHandle.current().pid(),
                    // The console is block-buffered into a pipe; the log on stdout comes line by line.
                    "--quiet=true", "--log=-", "--file-allocation=none",
                    "--max-overall-upload-limit=" + uploadLimit(),
                    "--max-overall-download-limit=" + downloadLimit(),
                    "--bt-require-crypto=" + requireEncryption,
                    "--bt-min-crypto-level=" + (requireEncryption ? "arc4" : "plain")));
            command.addAll(switch (mode) {
                case SEED -> List.of("--check-integrity=true", "--seed-ratio=0.0");
                case LEECHER -> List.of("--seed-time=0");
                case CORRUPT_SEED -> List.of("--check-integrity=false", "--bt-seed-unverified=true",
                        "--seed-ratio=0.0");
            });
            if (dhtEntryPoint == null) {
                command.addAll(List.of("--enable-dht=false", "--log-level=notice"));
            } else {
                // --dht-listen-addr is hidden from --help but read by aria2's DHT setup; info logs
                // each lookup's "Received N peers." for a failure's tail.
                command.addAll(List.of("--enable-dht=true", "--dht-listen-addr=127.0.0.1",
                        "--dht-listen-port=" + dhtPort,
                        "--dht-file-path=" + work.resolve("dht.dat"),
                        "--dht-entry-point=" + dhtEntryPoint.getHostString() + ":" + dhtEntryPoint.getPort(),
                        "--log-level=info"));
            }
            command.add(!magnet ? torrent().file().toAbsolutePath().toString()
                    : magnetTracker != null ? torrent().magnet(magnetTracker)
                    : "magnet:?xt=urn:btih:" + torrent().infoHash());
            LocalRpc rpc = new LocalRpc(URI.create("http://127.0.0.1:" + rpcPort + "/jsonrpc"));
            Aria2Peer peer = new Aria2Peer(mode, listen, rpc, magnet);
            peer.process = ClientProcess.start("aria2-" + mode.name().toLowerCase() + "-" + listen, command,
                    work, peer::onLine);
            try {
                peer.process.await("RPC answering on port " + rpcPort, READY_WITHIN,
                        () -> peer.rpc.answers(TELL_STATUS.formatted(GID)), () -> "starting");
                if (mode != Mode.LEECHER) {
                    peer.await("seeding", READY_WITHIN, status -> {
                        if (peer.checksumError) {
                            fail("aria2 found the seed's data in " + dir() + " does not match " + torrent().file()
                                    + "\n" + peer.process.describe(status::toString));
                        }
                        return status.seeder() && status.complete();
                    });
                }
            } catch (RuntimeException | AssertionError e) {
                peer.close();
                throw e;
            }
            return peer;
        }
    }

    private final Mode mode;
    private final int port;
    private final LocalRpc rpc;
    private ClientProcess process;
    private volatile Status last = Status.NONE;
    private volatile boolean checksumError;
    /** The download asked about: the first, or the one a magnet link's is followed by. */
    private volatile String gid = GID;
    private volatile boolean fetchingMetadata;

    private Aria2Peer(Mode mode, int port, LocalRpc rpc, boolean magnet) {
        this.mode = mode;
        this.port = port;
        this.rpc = rpc;
        this.fetchingMetadata = magnet;
    }

    /** A seed of {@code torrent} whose data, in {@code dataDir}, aria2 checks first. */
    public static Builder seed(Torrent torrent, Path dataDir) {
        return new Builder(Mode.SEED, torrent, dataDir);
    }

    /** A leecher of {@code torrent} downloading into {@code downloadDir}. */
    public static Builder leecher(Torrent torrent, Path downloadDir) {
        return new Builder(Mode.LEECHER, torrent, downloadDir);
    }

    /** A seed that uploads the data in {@code dataDir} unchecked, damaged or not. */
    public static Builder corruptSeed(Torrent torrent, Path dataDir) {
        return new Builder(Mode.CORRUPT_SEED, torrent, dataDir);
    }

    private void onLine(String line) {
        if (line.contains("Checksum error detected")) {
            checksumError = true;
        }
    }

    @Override
    public int port() {
        return port;
    }

    /** The current status; once aria2 has exited, the last one seen. */
    @Override
    public Status status() {
        if (!process.isAlive()) {
            return last;
        }
        String json = call(TELL_STATUS.formatted(gid));
        if (fetchingMetadata) {
            Matcher followed = FOLLOWED_BY.matcher(json);
            if (followed.find()) {
                gid = followed.group(1);
                fetchingMetadata = false;
                json = call(TELL_STATUS.formatted(gid));
            }
        }
        last = Status.parse(json, fetchingMetadata);
        return last;
    }

    private String call(String json) {
        try {
            return rpc.call(json);
        } catch (IOException e) {
            throw new UncheckedIOException("aria2 RPC failed:\n" + process.tail(), e);
        }
    }

    /**
     * Waits until the download is complete. A leecher is then shut down (it would idle on, RPC being
     * on), which also flushes its disk cache, and must exit with 0, aria2's "all downloads finished".
     */
    @Override
    public void awaitComplete(Duration timeout) {
        if (mode != Mode.LEECHER) {
            await("complete data", timeout, status -> status.seeder() && status.complete());
            return;
        }
        await("complete download", timeout, status -> !status.metadata() && "complete".equals(status.status()));
        if (process.isAlive()) {
            call(SHUTDOWN);
            int exit = process.awaitExit(Duration.ofSeconds(30), last::toString);
            if (exit != 0) {
                fail("aria2 finished with exit code " + exit + "\n" + process.describe(last::toString));
            }
        }
    }

    /** Waits until {@code goal} holds; a download error fails at once. */
    @Override
    public void await(String what, Duration timeout, Predicate<? super Status> goal) {
        process.await(what, timeout, () -> {
            Status now = status();
            if (!now.error().isEmpty() || "error".equals(now.status())) {
                fail("aria2 reports an error: " + now + "\n" + process.describe(now::toString));
            }
            return goal.test(now);
        }, () -> last.toString());
    }

    /** The last lines aria2 printed. */
    @Override
    public String logTail() {
        return process.tail();
    }

    /** Kills aria2 (it keeps no state: no session file, no control file once complete). */
    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
