package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.test.support.LibtorrentPeer;
import dev.shoal.test.support.Processes;
import dev.shoal.test.support.SwarmData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party search plugin deployed into a running daemon while it downloads: the example
 * plugin (built from examples/search-plugin-example by its own pom against the released API) is
 * dropped into {@code plugins/} and {@code shoal:search} uses it; a changed jar copied over it
 * updates it; deleting it uninstalls it. The download of a real swarm goes on throughout, the
 * engine never restarted, and completes byte-exact.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class PluginHotDeployIT {

    private static final int SEED_RATE_MIB = 12;
    private static final Duration STARTUP = Duration.ofSeconds(60);
    /** FileInstall's poll, a bundle install and a {@code shoal cli} JVM per try: generous for a loaded machine. */
    private static final Duration PLUGIN_WAIT = Duration.ofSeconds(60);
    private static final String CATALOG = "org/example/shoal/search/releases.tsv";
    private static final String ADDED_RELEASE = "shoal-hot-update-test-1.0.iso";

    @RegisterExtension
    static final TestSwarm swarm = TestSwarm.of(TestSwarm.Tracker.PER_CLASS, TestSwarm.Announce.HTTP);

    @TempDir
    Path work;

    private ShoalDaemon daemon;

    @AfterEach
    void stop() throws InterruptedException {
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void aPluginDroppedInIsUsedReplacedAndRemovedWhileADownloadGoesOn() throws Exception {
        Path built = examplePlugin();
        Shoal shoal = new Shoal(work);
        ShoalCli cli = new ShoalCli(shoal);
        ShoalDaemon.peersOnLoopback(shoal.dataDir());
        daemon = ShoalDaemon.start(shoal, work).awaitRemoteShell(STARTUP);
        Path plugins = Files.createDirectories(shoal.dataDir().resolve("plugins"));
        Path download = swarm.newDirectory("plugin-download");
        String hash = swarm.torrent().infoHash().substring(0, 8);

        try (LibtorrentPeer seed = LibtorrentPeer.seed(swarm.torrent(), swarm.seedDir())
                .uploadLimit((long) SEED_RATE_MIB << 20).start()) {
            cli.ok("shoal:add", swarm.torrentFile().toString(), "--dir", download.toString());
            ShoalCli.Info moving = cli.awaitInfo(hash, "downloading", STARTUP, info -> info.done() > 2,
                    () -> daemon.output() + TestSwarm.logs(seed).get());
            assertFalse(cli.ok("shoal:providers").contains("example"), "no example provider before the drop");

            // Dropped in: installed, started, and searched.
            long dropped = System.nanoTime();
            place(built, plugins.resolve("search-plugin-example.jar"));
            String found = cli.awaitOutput("searched through the dropped plugin", PLUGIN_WAIT,
                    out -> out.contains("debian-12"), daemon::output, "shoal:search", "debian", "--provider", "example");
            long usedAfter = (System.nanoTime() - dropped) / 1_000_000;
            System.out.println("PluginHotDeployIT: dropped in, shoal:search used it after " + usedAfter + " ms:\n"
                    + found);
            assertTrue(cli.ok("shoal:providers").contains("example"), "listed among the providers");

            // Replaced by a changed jar: updated in place, the new catalog answers.
            long replaced = System.nanoTime();
            place(withExtraRelease(built, work.resolve("updated.jar")), plugins.resolve("search-plugin-example.jar"));
            cli.awaitOutput("answering from the replaced jar", PLUGIN_WAIT, out -> out.contains(ADDED_RELEASE),
                    daemon::output, "shoal:search", "hot-update", "--provider", "example");
            long updatedAfter = (System.nanoTime() - replaced) / 1_000_000;
            System.out.println("PluginHotDeployIT: replaced, the new version answered after " + updatedAfter + " ms");

            // Deleted: uninstalled, gone from the providers and from searches.
            long deleted = System.nanoTime();
            Files.delete(plugins.resolve("search-plugin-example.jar"));
            cli.awaitOutput("rid of the deleted plugin", PLUGIN_WAIT, out -> !out.contains("example"), daemon::output,
                    "shoal:providers");
            long goneAfter = (System.nanoTime() - deleted) / 1_000_000;
            System.out.println("PluginHotDeployIT: deleted, gone from shoal:providers after " + goneAfter + " ms");
            Processes.Result unknown = cli.run("shoal:search", "debian", "--provider", "example");
            assertNotEquals(0, unknown.exitCode(), unknown::describe);
            // With no provider left at all, the shell says so; with others, it names the known ones.
            assertTrue(unknown.stderr().contains("provider"), unknown::describe);

            // The download never stopped: further along, still downloading, the engine untouched.
            ShoalCli.Info after = cli.info(hash);
            assertTrue(after.done() > moving.done(), () -> "the download did not move on: " + moving + "\n" + after);
            assertTrue(after.state().startsWith("downloading") || after.done() == 100, after::toString);
            cli.awaitInfo(hash, "complete", Duration.ofSeconds(120), info -> info.done() == 100,
                    () -> daemon.output() + TestSwarm.logs(seed).get());
            swarm.assertDownloaded(download, SwarmData.Compare.EXACT);
            String log = daemon.output();
            assertFalse(log.contains("restored "), () -> "the engine was restarted by the plugin's comings and goings:\n"
                    + log);
            assertEquals(1, log.lines().filter(line -> line.contains("added " + swarm.torrent().name())).count(), log);
        }
    }

    /** The jar the distribution's build made of examples/search-plugin-example (maven-invoker-plugin). */
    private static Path examplePlugin() throws IOException {
        Path target = Path.of(System.getProperty("shoal.example.plugin", "target/examples/search-plugin-example/target"));
        try (Stream<Path> files = Files.list(target)) {
            List<Path> jars = files.filter(file -> file.getFileName().toString().matches("search-plugin-example-.*\\.jar"))
                    .toList();
            assertEquals(1, jars.size(), () -> "one example plugin jar in " + target + ": " + jars);
            return jars.get(0);
        }
    }

    /** Copies beside, then moves in one step: FileInstall never sees half a jar. */
    private static void place(Path jar, Path target) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The plugin as its next release: one more catalog line, a higher Bundle-Version. */
    private static Path withExtraRelease(Path jar, Path out) throws IOException {
        try (JarFile in = new JarFile(jar.toFile())) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), "1.0.1");
            try (JarOutputStream copy = new JarOutputStream(Files.newOutputStream(out), manifest)) {
                for (Enumeration<JarEntry> entries = in.entries(); entries.hasMoreElements();) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().equals(JarFile.MANIFEST_NAME)) {
                        continue;
                    }
                    copy.putNextEntry(new JarEntry(entry.getName()));
                    byte[] bytes;
                    try (InputStream data = in.getInputStream(entry)) {
                        bytes = data.readAllBytes();
                    }
                    if (entry.getName().equals(CATALOG)) {
                        ByteArrayOutputStream catalog = new ByteArrayOutputStream();
                        catalog.write(bytes);
                        catalog.write((ADDED_RELEASE + "\t1048576\thttps://example.org/" + ADDED_RELEASE
                                + ".torrent\t-\n").getBytes(StandardCharsets.UTF_8));
                        bytes = catalog.toByteArray();
                    }
                    copy.write(bytes);
                    copy.closeEntry();
                }
            }
        }
        return out;
    }
}
