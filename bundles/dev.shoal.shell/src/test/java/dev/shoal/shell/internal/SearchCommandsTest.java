package dev.shoal.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.shoal.create.standalone.StandaloneTorrentCreator;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.metainfo.CreateRequest;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.search.api.SearchCategory;
import dev.shoal.search.api.SearchResult;
import dev.shoal.shell.internal.args.ShellException;
import dev.shoal.support.torrent.TorrentSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shoal:search}, {@code shoal:fetch} and {@code shoal:providers} in a real Gogo runtime over
 * the real search service, with providers written here, and the real engine that fetch adds to; the
 * torrents found are real files, one served by an HTTP server on 127.0.0.1.
 */
@Timeout(120)
class SearchCommandsTest {

    @TempDir
    Path dir;

    private EngineRig rig;
    private HttpServer server;
    private SearchCommands commands;
    private GogoRig gogo;
    private Metainfo ubuntu;
    private Metainfo debian;
    /** Opened at the end: providers that wait for it stop waiting. */
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void setUp() throws Exception {
        ubuntu = torrent("ubuntu-24.04.iso", 70_000);
        debian = torrent("debian-12.iso", 30_000);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/debian.torrent", exchange -> {
            byte[] bytes = Files.readAllBytes(dir.resolve("debian-12.iso.torrent"));
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        rig = new EngineRig(dir);
        commands = new SearchCommands(rig.search(), rig.engine(), new TorrentSource("Shoal test"));
        gogo = new GogoRig(dir).register(commands);
    }

    @AfterEach
    void tearDown() throws Exception {
        release.countDown();
        if (gogo != null) {
            gogo.close();
        }
        if (rig != null) {
            rig.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    private Metainfo torrent(String name, int size) throws Exception {
        Path file = Files.createDirectories(dir.resolve("seed")).resolve(name);
        Files.write(file, new byte[size]);
        byte[] bytes = new StandaloneTorrentCreator(1).create(CreateRequest.builder(file).build()).bytes();
        Files.write(dir.resolve(name + ".torrent"), bytes);
        return Metainfo.parse(bytes);
    }

    /** Two indexes that both know ubuntu, one that knows a torrent by magnet only, and one that fails. */
    private void fourProviders() {
        rig.addProvider(ScriptedProvider.offering("local", "Local folder", List.of(
                SearchResult.builder("ubuntu-24.04.iso").size(70_000).seeders(12).leechers(3)
                        .infoHash(ubuntu.infoHash().hex()).published(Instant.parse("2024-04-25T10:00:00Z"))
                        .torrentUrl(dir.resolve("ubuntu-24.04.iso.torrent").toUri()).build())));
        rig.addProvider(ScriptedProvider.offering("index", "An index", List.of(
                SearchResult.builder("Ubuntu 24.04 LTS").seeders(40)
                        .magnet(URI.create("magnet:?xt=urn:btih:" + ubuntu.infoHash().hex())).build(),
                SearchResult.builder("debian-12.iso").size(30_000).seeders(5).leechers(0)
                        .infoHash(debian.infoHash().hex())
                        .torrentUrl(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/debian.torrent"))
                        .build(),
                SearchResult.builder("arch-2024.iso").seeders(2)
                        .magnet(URI.create("magnet:?xt=urn:btih:" + "a".repeat(40))).build())));
        rig.addProvider(new ScriptedProvider("broken", "Broken", Set.of(SearchCategory.SOFTWARE),
                (query, options, sink) -> {
                    throw new IOException("HTTP 500 from http://127.0.0.1/api");
                }));
    }

    @Test
    void searchShowsTheMergedHitsNumberedThenEachProvider() throws Exception {
        fourProviders();
        List<String> lines = List.of(gogo.run("shoal:search ubuntu iso").split("\n"));
        assertEquals(List.of(
                "#  NAME                  SIZE  SEEDS  PEERS  DATE        PROVIDERS",
                "1  Ubuntu 24.04 LTS  68.4 KiB     40      3  2024-04-25  index,local",
                "2  debian-12.iso     29.3 KiB      5      0  -           index",
                "3  arch-2024.iso            -      2      -  -           index",
                ""), lines.subList(0, 5));
        // In the providers' name order: An index, Broken, Local folder.
        assertTrue(lines.get(5).matches("index: 3 results in \\d+\\.\\d s"), lines.get(5));
        assertEquals("broken: failed: HTTP 500 from http://127.0.0.1/api", lines.get(6));
        assertTrue(lines.get(7).matches("local: 1 result in \\d+\\.\\d s"), lines.get(7));
        assertEquals(8, lines.size(), lines.toString());
        assertEquals(lines.get(2) + "\n", gogo.run("shoal:search ubuntu iso | grep --color=never debian"));
    }

    @Test
    void fetchAddsTheNumberedHitFromAFileOrAnHttpUrl() throws Exception {
        assertEquals("no search yet: shoal:search <words> first", message("shoal:fetch 1"));
        fourProviders();
        gogo.run("shoal:search ubuntu");
        assertEquals("added 1 ubuntu-24.04.iso (68.4 KiB) in " + dir.resolve("seed") + ", paused",
                gogo.run("shoal:fetch 1 --dir seed --paused"));
        Torrent added = rig.engine().torrents().get(0);
        assertEquals(ubuntu.infoHash(), added.infoHash());
        assertEquals(TorrentState.PAUSED, added.status().state());
        assertEquals("added 2 debian-12.iso (29.3 KiB) in " + dir.resolve("downloads"), gogo.run("shoal:fetch 2"));
        assertEquals("added 3 " + "a".repeat(40) + " (magnet link, paused) in " + dir.resolve("downloads"),
                gogo.run("shoal:fetch 3 --paused"));
        assertEquals(TorrentState.PAUSED, rig.engine().torrents().get(2).status().state());
        assertEquals("no result 4: the last search found 3", message("shoal:fetch 4"));
        assertEquals("not a result number: \"first\" (shoal:search numbers them from 1); usage: shoal:fetch <result#>"
                + " [--dir D] [--paused]", message("shoal:fetch first"));
        assertEquals("already added: ubuntu-24.04.iso", message("shoal:fetch 1"));
        assertEquals(3, rig.engine().torrents().size());
    }

    @Test
    void aTorrentThatIsNotTheOneFoundIsNotAdded() throws Exception {
        rig.addProvider(ScriptedProvider.offering("liar", "Liar", List.of(SearchResult.builder("ubuntu")
                .infoHash("f".repeat(40)).torrentUrl(dir.resolve("ubuntu-24.04.iso.torrent").toUri()).build())));
        gogo.run("shoal:search ubuntu");
        assertEquals("result 1: " + dir.resolve("ubuntu-24.04.iso.torrent").toUri() + " is the torrent "
                + ubuntu.infoHash().hex() + ", not " + "f".repeat(40) + " as the search said; not added",
                message("shoal:fetch 1"));
        assertEquals(List.of(), rig.engine().torrents());
    }

    @Test
    void fetchTakesTheSessionsOwnLastSearchElseTheLastOfAnySession() throws Exception {
        fourProviders();
        try (GogoRig other = new GogoRig(dir).register(commands)) {
            gogo.run("shoal:search ubuntu --sort name");
            assertTrue(other.run("shoal:fetch 3").startsWith("added 1 ubuntu-24.04.iso "),
                    "a session that never searched takes the last search of any");
            other.run("shoal:search ubuntu --provider index --sort seeders");
            assertTrue(gogo.run("shoal:fetch 2").startsWith("added 2 debian-12.iso "),
                    "its own search: 2 is debian by name");
        }
    }

    @Test
    void optionsChooseProvidersCategoriesOrderAndLimit() throws Exception {
        fourProviders();
        rig.addProvider(new ScriptedProvider("films", "Films", Set.of(SearchCategory.MOVIES),
                (query, options, sink) -> sink.offer(SearchResult.builder("a film").seeders(1000)
                        .torrentUrl(URI.create("http://films.example/a.torrent")).build())));
        String byName = gogo.run("shoal:search x --provider index --provider local --sort name --limit 2");
        assertEquals(List.of("#  NAME                  SIZE  SEEDS  PEERS  DATE        PROVIDERS",
                "1  debian-12.iso     29.3 KiB      5      0  -           index",
                "2  Ubuntu 24.04 LTS  68.4 KiB     40      3  2024-04-25  index,local"),
                List.of(byName.split("\n")).subList(0, 3));
        assertTrue(byName.matches("(?s).*\nindex: 2 results in \\d+\\.\\d s; 1 result past the limit of 2 dropped\n.*"),
                byName);
        String films = gogo.run("shoal:search x --category MOVIES");
        assertTrue(films.startsWith("#  NAME    SIZE  SEEDS  PEERS  DATE  PROVIDERS\n1  a film     -   1000      -  -     films\n"),
                films);
        assertEquals("no search provider searches books", message("shoal:search x --category books"));
    }

    @Test
    void badOptionsAreOneLine() throws Exception {
        fourProviders();
        String usage = "; usage: shoal:search <words>... [--provider ID]... [--category"
                + " movies|tv|music|games|software|books|other]... [--limit N] [--sort seeders|size|date|name]"
                + " [--timeout SECONDS]";
        assertEquals("missing arguments" + usage, message("shoal:search"));
        assertEquals("--limit: not a number from 1 to 1000: \"0\"" + usage, message("shoal:search x --limit 0"));
        assertEquals("--limit: not a number from 1 to 1000: \"many\"" + usage, message("shoal:search x --limit many"));
        assertEquals("--timeout: not a number from 1 to 600: \"1h\"" + usage, message("shoal:search x --timeout 1h"));
        assertEquals("no sort order \"speed\"" + usage, message("shoal:search x --sort speed"));
        assertEquals("no category \"anime\"" + usage, message("shoal:search x --category anime"));
        assertEquals("no search provider nope; there are broken, index, local", message("shoal:search x --provider nope"));
        assertEquals("a search may have at most 256 characters, not 299",
                message("shoal:search " + "word ".repeat(60).strip()));
    }

    @Test
    void aProviderThatTakesTooLongIsShownTimedOut() throws Exception {
        rig.addProvider(ScriptedProvider.offering("quick", "Quick", List.of(SearchResult.builder("found")
                .torrentUrl(URI.create("http://quick.example/found.torrent")).build())));
        rig.addProvider(new ScriptedProvider("slow", "Slow", Set.of(SearchCategory.OTHER),
                (query, options, sink) -> release.await()));
        // The quick one must be done within the time-out, however loaded the machine: 5 s, not less.
        List<String> lines = List.of(gogo.run("shoal:search x --timeout 5").split("\n"));
        assertEquals("1  found     -      -      -  -     quick", lines.get(1));
        assertTrue(lines.get(3).startsWith("quick: 1 result in "), lines.toString());
        assertEquals("slow: timed out after 5 s", lines.get(4));
    }

    @Test
    void interruptingTheCommandCancelsTheSearch() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        rig.addProvider(new ScriptedProvider("slow", "Slow", Set.of(SearchCategory.OTHER), (query, options, sink) -> {
            asked.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                if (sink.cancelled()) {
                    interrupted.countDown();
                }
            }
        }));
        ExecutorService console = Executors.newSingleThreadExecutor();
        try {
            Future<String> running = console.submit(() -> gogo.run("shoal:search x"));
            assertTrue(asked.await(30, TimeUnit.SECONDS));
            assertTrue(gogo.interruptForeground(Duration.ofSeconds(30)), "a command runs");
            assertTrue(interrupted.await(30, TimeUnit.SECONDS), "the provider was cancelled and interrupted");
            ExecutionException failed = assertThrows(ExecutionException.class, () -> running.get(30, TimeUnit.SECONDS));
            assertTrue(failed.getCause() instanceof InterruptedException, failed.getCause().toString());
        } finally {
            console.shutdownNow();
        }
    }

    @Test
    void providersAreListed() throws Exception {
        assertEquals("no search providers are installed", gogo.run("shoal:providers"));
        assertEquals("no search providers are installed", message("shoal:search x"));
        fourProviders();
        rig.addProvider(new ScriptedProvider("any", "Anything", Set.of(SearchCategory.MOVIES, SearchCategory.BOOKS),
                (query, options, sink) -> { }));
        assertEquals(String.join("\n",
                "ID      NAME          CATEGORIES",
                "index   An index      software",
                "any     Anything      movies,books",
                "broken  Broken        software",
                "local   Local folder  software"), gogo.run("shoal:providers"));
    }

    private String message(String line) {
        return assertThrows(ShellException.class, () -> gogo.run(line)).getMessage();
    }
}
