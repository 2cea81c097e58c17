package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import dev.shoal.test.support.Processes;

/**
 * The creator's bundle, dev.shoal.create, stopped, updated (from its freshly built jar) and started
 * through {@code shoal cli}, with {@code shoal:create} tried at each step: while the bundle is away the
 * command is still there and says so in one line; once it is back the command makes a torrent again.
 * The steps are separate so that a test can look at its own part (the window) in between.
 */
final class CreatorSwap {

    static final String BUNDLE = "dev.shoal.create";
    static final String UNAVAILABLE = "torrent creation is not available (dev.shoal.create stopped)";
    /** A liveness bound for the service to be registered again after its bundle starts. */
    private static final Duration BACK_WITHIN = Duration.ofSeconds(30);

    private final Shoal shoal;
    private final ShoalCli cli;
    private final Path content;
    private final Path torrents;
    private final Supplier<String> context;
    private final long id;
    private int made;

    private CreatorSwap(Shoal shoal, Path content, Path torrents, Supplier<String> context) {
        this.shoal = shoal;
        this.cli = new ShoalCli(shoal);
        this.content = content;
        this.torrents = torrents;
        this.context = context;
        this.id = HotSwapIT.bundles(cli).get(BUNDLE).id();
    }

    /** For the running Shoal of {@code shoal}: a folder to share and one for the torrents, under {@code work}. */
    static CreatorSwap of(Shoal shoal, Path work, Supplier<String> context) throws IOException {
        Path content = Files.createDirectories(work.resolve("content"));
        Files.write(content.resolve("a.bin"), new byte[300_000]);
        Files.writeString(content.resolve("b.txt"), "hello");
        return new CreatorSwap(shoal, content, Files.createDirectories(work.resolve("torrents")), context);
    }

    /** The folder the torrents are made of. */
    Path content() {
        return content;
    }

    /** Where a torrent called {@code name} goes beside the others. */
    Path torrent(String name) {
        return torrents.resolve(name);
    }

    /** Makes a torrent with {@code shoal:create} (waiting for the service at most a few seconds); its info-hash. */
    String creates(String what) {
        Path out = next();
        cli.awaitOutput(what, BACK_WITHIN, said -> said.startsWith("created " + out), context,
                "shoal:create", content.toString(), "--out", out.toString());
        return infoHash(out);
    }

    /** Stops the bundle; {@code shoal:create} then fails with the one line and writes nothing. */
    void stop() {
        cli.ok("stop", String.valueOf(id));
        assertEquals("Resolved", HotSwapIT.bundles(cli).get(BUNDLE).state(), BUNDLE + " stopped");
        Path out = next();
        Processes.Result refused = cli.run("shoal:create", content.toString(), "--out", out.toString());
        Shoal.assertOneLineError(refused);
        assertTrue(refused.stderr().contains(UNAVAILABLE), refused::describe);
        assertFalse(Files.exists(out), "a torrent was written without the creator");
        System.out.println("CreatorSwap: without " + BUNDLE + ": " + refused.stderr().strip());
    }

    /** Updates the stopped bundle from the jar the reactor built; it stays stopped. */
    void update() throws Exception {
        cli.ok("update", String.valueOf(id), HotSwapIT.jarOf(BUNDLE).toUri().toString());
        // Felix leaves an updated bundle that was stopped Installed, to be resolved when it starts.
        assertNotEquals("Active", HotSwapIT.bundles(cli).get(BUNDLE).state(), BUNDLE + " updated, still stopped");
    }

    /** Starts the bundle; {@code shoal:create} works again; the info-hash of the torrent it made. */
    String start() {
        cli.ok("start", String.valueOf(id));
        return creates("creating again once " + BUNDLE + " started");
    }

    /** The v1 info-hash of a torrent file, as {@code shoal info} reads it. */
    String infoHash(Path torrent) {
        assertTrue(Files.isRegularFile(torrent), torrent + " not written");
        return shoal.infoJson(torrent.toString()).path("infoHashV1").asText();
    }

    private Path next() {
        return torrents.resolve("made-" + ++made + ".torrent");
    }
}
