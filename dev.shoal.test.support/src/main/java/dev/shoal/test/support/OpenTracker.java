package dev.shoal.test.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real opentracker on 127.0.0.1 (HTTP and UDP on one port) for the whitelisted info-hashes
 * (v1, 40 hex digits each); {@link #close()} kills it.
 */
public final class OpenTracker implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(30);

    private final Process process;
    private final Path dir;
    private final int port;

    private OpenTracker(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    public static OpenTracker start(List<String> whitelist) throws IOException, InterruptedException {
        return start(whitelist, freePort());
    }

    public static OpenTracker start(List<String> whitelist, int port) throws IOException, InterruptedException {
        Path program = SystemProgram.require("opentracker");
        // It chroots into the directory as nobody: the directory must be world-readable, and the
        // whitelist path is then resolved inside the chroot.
        Path dir = Files.createTempDirectory("opentracker");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path list = dir.resolve("whitelist.txt");
        Files.writeString(list, whitelist.stream().collect(Collectors.joining("\n", "", "\n")));
        Files.setPosixFilePermissions(list, PosixFilePermissions.fromString("rw-r--r--"));
        Process process = new ProcessBuilder(program.toString(), "-i", "127.0.0.1", "-p", String.valueOf(port),
                "-P", String.valueOf(port), "-d", dir.toString(), "-w", "/whitelist.txt")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("opentracker.log").toFile())
                .start();
        OpenTracker tracker = new OpenTracker(process, dir, port);
        try {
            tracker.awaitReady(whitelist.get(0));
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            tracker.close();
            throw e;
        }
        return tracker;
    }

    public URI http() {
        return URI.create("http://127.0.0.1:" + port + "/announce");
    }

    public URI udp() {
        return URI.create("udp://127.0.0.1:" + port + "/announce");
    }

    public int port() {
        return port;
    }

    /** Ready once the whitelist is loaded: a {@code stopped} announce for a listed hash then succeeds. */
    private void awaitReady(String listedHex) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI probe = URI.create(http() + "?info_hash=" + percent(HexFormat.of().parseHex(listedHex))
                + "&peer_id=-PROBE-0000000000000&port=1&uploaded=0&downloaded=0&left=0&event=stopped");
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("opentracker exited: " + log());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(probe)
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
                last = response.body();
                if (last.contains("interval") && !last.contains("failure reason")) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("opentracker not ready within " + READY_WITHIN + ": " + last + "\n" + log());
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("opentracker.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static String percent(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%%%02X", b & 0xFF));
        }
        return out.toString();
    }

    /** A port free for both TCP and UDP on 127.0.0.1 at the moment of asking. */
    public static int freePort() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, loopback)) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, port))) {
                    return port;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IOException("no port free for both TCP and UDP");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
