package dev.shoal.test.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * A real Transmission 3.00 ({@code transmission-daemon}, in the foreground, with a config dir of its
 * own) for one torrent, on 127.0.0.1 only: the other widely deployed client Shoal must get along
 * with. The torrent is added with {@code transmission-remote}; status is read from the RPC itself,
 * which gives exact byte counts.
 *
 * <p>Quirks (see INTEROP.md): Transmission ignores 127.x peers it learns from a tracker, so the other
 * side must dial {@link #port()}; it waits about ten seconds (its rechoke period) before data flows;
 * it does not create zero-length files ({@link SwarmData.Compare#EMPTY_FILES_MAY_BE_MISSING}).
 */
public final class TransmissionPeer implements RealPeer<TransmissionPeer.Status> {

    private static final Duration READY_WITHIN = Duration.ofSeconds(30);
    private static final String FIELDS = "\"percentDone\",\"status\",\"haveValid\",\"sizeWhenDone\",\"leftUntilDone\","
            + "\"uploadedEver\",\"downloadedEver\",\"corruptEver\",\"peersConnected\",\"error\",\"errorString\"";

    /** Transmission's torrent status numbers (RPC spec, 3.00). */
    private static final int CHECK_WAIT = 1;
    private static final int CHECKING = 2;
    private static final int DOWNLOAD_WAIT = 3;
    private static final int DOWNLOADING = 4;
    private static final int SEED_WAIT = 5;
    private static final int SEEDING = 6;
    private static final int LOCAL_ERROR = 3;

    /**
     * The torrent as the RPC reports it. {@code status}: 0 stopped … 4 downloading, 6 seeding;
     * {@code error}: 0 none, 1 tracker warning, 2 tracker error, 3 local error (disk).
     */
    public record Status(int status, double percentDone, long haveValid, long sizeWhenDone, long leftUntilDone,
            long uploaded, long downloaded, long corrupt, int peersConnected, int error, String errorString)
            implements RealPeer.Status {

        static final Status NONE = new Status(-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, "");

        static Status parse(String json) {
            return new Status((int) LocalRpc.longField(json, "status"),
                    Double.parseDouble(LocalRpc.field(json, "percentDone").orElse("0")),
                    LocalRpc.longField(json, "haveValid"), LocalRpc.longField(json, "sizeWhenDone"),
                    LocalRpc.longField(json, "leftUntilDone"), LocalRpc.longField(json, "uploadedEver"),
                    LocalRpc.longField(json, "downloadedEver"), LocalRpc.longField(json, "corruptEver"),
                    (int) LocalRpc.longField(json, "peersConnected"), (int) LocalRpc.longField(json, "error"),
                    LocalRpc.field(json, "errorString").orElse(""));
        }

        /** Every byte is there and verified (no write cache: on disk), and the torrent seeds. */
        @Override
        public boolean complete() {
            return sizeWhenDone > 0 && leftUntilDone == 0 && haveValid == sizeWhenDone
                    && (status == SEEDING || status == SEED_WAIT);
        }

        boolean checking() {
            return status == CHECK_WAIT || status == CHECKING;
        }

        /** Downloading or waiting to: after a magnet link's metadata, once Transmission has checked the disk. */
        public boolean downloading() {
            return status == DOWNLOAD_WAIT || status == DOWNLOADING;
        }
    }

    private final Torrent torrent;
    private final int port;
    private final LocalRpc rpc;
    private final ClientProcess process;

    private TransmissionPeer(Torrent torrent, int port, LocalRpc rpc, ClientProcess process) {
        this.torrent = torrent;
        this.port = port;
        this.rpc = rpc;
        this.process = process;
    }

    /** What to start; {@link #start()} starts it. */
    public static final class Builder extends PeerBuilder<Builder, TransmissionPeer> {
        private final boolean seed;
        private URI magnetTracker;
        private boolean requireEncryption;

        private Builder(boolean seed, Torrent torrent, Path dir) {
            super(torrent, dir);
            this.seed = seed;
        }

        /**
         * A leecher given the magnet link with the info-hash and {@code tracker} only (no {@code x.pe}:
         * 3.00's magnet parser reads xt, dn, tr and ws). It drops loopback peers from trackers, so the
         * seed must dial {@link #port()} once the tracker has it. {@code sizeWhenDone} is 0 until the
         * metadata is in.
         */
        public Builder fromMagnet(URI tracker) {
            if (seed) {
                throw new IllegalStateException("only a leecher starts from a magnet link");
            }
            magnetTracker = tracker;
            return this;
        }

        /** Message Stream Encryption required ({@code "encryption": 2}): plaintext peers are refused. */
        public Builder requireEncryption() {
            requireEncryption = true;
            return this;
        }

        /**
         * Starts the daemon and adds the torrent; a seed is returned once Transmission has verified its
         * data and seeds, failing if the data does not match.
         */
        @Override
        public TransmissionPeer start() throws IOException {
            Path daemon = SystemProgram.require("transmission-daemon");
            Path remote = SystemProgram.require("transmission-remote");
            int peerPort = listenPort();
            int rpcPort = OpenTracker.freePort();
            Path config = Files.createTempDirectory("transmission");
            try {
                Files.writeString(config.resolve("settings.json"), settings(peerPort, rpcPort));
            } catch (IOException e) {
                ClientProcess.deleteTree(config);
                throw e;
            }
            LocalRpc rpc = new LocalRpc(URI.create("http://127.0.0.1:" + rpcPort + "/transmission/rpc"));
            ClientProcess process = ClientProcess.start("transmission-" + peerPort,
                    List.of(daemon.toString(), "--foreground", "--config-dir", config.toString()), config, line -> {
                    });
            TransmissionPeer peer = new TransmissionPeer(torrent(), peerPort, rpc, process);
            try {
                process.await("RPC answering on port " + rpcPort, READY_WITHIN,
                        () -> rpc.answers("{\"method\":\"session-get\"}"), () -> "starting");
                Processes.run(List.of(remote.toString(), "127.0.0.1:" + rpcPort, "--add",
                        magnetTracker != null ? torrent().magnet(magnetTracker)
                                : torrent().file().toAbsolutePath().toString(), "--download-dir", dir().toString()),
                        Duration.ofSeconds(30)).assertSuccess();
                if (seed) {
                    peer.await("verified data, seeding", READY_WITHIN, status -> {
                        if (status.downloading() && status.percentDone() < 1) {
                            fail("Transmission found the seed's data in " + dir() + " incomplete\n"
                                    + process.describe(status::toString));
                        }
                        return status.complete();
                    });
                }
            } catch (RuntimeException | AssertionError e) {
                peer.close();
                throw e;
            }
            return peer;
        }

        /**
         * Everything that could reach beyond 127.0.0.1 off (DHT, LPD, PEX, port mapping, uTP), no limit
         * on ratio (nor on speed unless asked), no queueing, no write cache (so a complete torrent is on
         * disk), plain text preferred for peer connections (unless encryption is required).
         */
        private String settings(int peerPort, int rpcPort) {
            return """
                    {
                      "bind-address-ipv4": "127.0.0.1",
                      "bind-address-ipv6": "::1",
                      "peer-port": %d,
                      "peer-port-random-on-start": false,
                      "rpc-enabled": true,
                      "rpc-bind-address": "127.0.0.1",
                      "rpc-port": %d,
                      "rpc-authentication-required": false,
                      "rpc-whitelist-enabled": true,
                      "rpc-whitelist": "127.0.0.1",
                      "rpc-host-whitelist-enabled": false,
                      "download-dir": "%s",
                      "incomplete-dir-enabled": false,
                      "rename-partial-files": false,
                      "watch-dir-enabled": false,
                      "start-added-torrents": true,
                      "dht-enabled": false,
                      "lpd-enabled": false,
                      "utp-enabled": false,
                      "pex-enabled": false,
                      "port-forwarding-enabled": false,
                      "blocklist-enabled": false,
                      "encryption": %d,
                      "speed-limit-up-enabled": %b,
                      "speed-limit-up": %d,
                      "speed-limit-down-enabled": %b,
                      "speed-limit-down": %d,
                      "alt-speed-enabled": false,
                      "alt-speed-time-enabled": false,
                      "ratio-limit-enabled": false,
                      "idle-seeding-limit-enabled": false,
                      "download-queue-enabled": false,
                      "seed-queue-enabled": false,
                      "queue-stalled-enabled": false,
                      "cache-size-mb": 0,
                      "message-level": 2,
                      "umask": 18
                    }
                    """.formatted(peerPort, rpcPort, jsonString(dir().toString()), requireEncryption ? 2 : 0,
                    uploadLimit() > 0, kilobytes(uploadLimit()), downloadLimit() > 0, kilobytes(downloadLimit()));
        }

        private static String jsonString(String text) {
            return text.replace("\\", "\\\\").replace("\"", "\\\"");
        }

        /** The daemon counts speed in kB/s of 1000 bytes. */
        private static long kilobytes(long bytesPerSecond) {
            return Math.max(1, bytesPerSecond / 1000);
        }
    }

    /** A seed of {@code torrent} whose data is in {@code dataDir}. */
    public static Builder seed(Torrent torrent, Path dataDir) {
        return new Builder(true, torrent, dataDir);
    }

    /** A leecher of {@code torrent} downloading into {@code downloadDir}; someone must dial {@link #port()}. */
    public static Builder leecher(Torrent torrent, Path downloadDir) {
        return new Builder(false, torrent, downloadDir);
    }

    /** The peer port on 127.0.0.1: dial it, Transmission drops loopback peers from trackers. */
    @Override
    public int port() {
        return port;
    }

    @Override
    public Status status() {
        String answer;
        try {
            answer = rpc.call("{\"method\":\"torrent-get\",\"arguments\":{\"ids\":[\"" + torrent.infoHash()
                    + "\"],\"fields\":[" + FIELDS + "]}}");
        } catch (IOException e) {
            throw new UncheckedIOException("Transmission RPC failed:\n" + process.tail(), e);
        }
        if (!answer.contains("\"result\":\"success\"") || !answer.contains("\"sizeWhenDone\"")) {
            fail("Transmission does not know the torrent " + torrent.infoHash() + ": " + answer + "\n"
                    + process.tail());
        }
        return Status.parse(answer);
    }

    /** Waits until {@code goal} holds; a local error (disk) fails at once, tracker trouble does not. */
    @Override
    public void await(String what, Duration timeout, Predicate<? super Status> goal) {
        Status[] last = {Status.NONE};
        process.await(what, timeout, () -> {
            Status now = status();
            last[0] = now;
            if (now.error() == LOCAL_ERROR) {
                fail("Transmission reports an error: " + now.errorString() + "\n" + process.describe(now::toString));
            }
            return goal.test(now);
        }, () -> last[0].toString());
    }

    /** The last lines of the daemon's log. */
    @Override
    public String logTail() {
        return process.tail();
    }

    /** Kills the daemon and deletes its config dir; the data stays. */
    @Override
    public void close() {
        process.close();
    }
}
