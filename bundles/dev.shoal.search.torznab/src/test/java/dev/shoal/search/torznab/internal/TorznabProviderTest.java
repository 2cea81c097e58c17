package dev.shoal.search.torznab.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpHandler;
import dev.shoal.search.api.SearchCategory;
import dev.shoal.search.api.SearchOptions;
import dev.shoal.search.api.SearchResult;
import dev.shoal.test.support.LocalHttpServer;
import dev.shoal.test.support.search.RecordingSink;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The Torznab provider against a real HTTP server that answers as Jackett does. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TorznabProviderTest {

    static final String KEY = "jk7q2x9vtr0m4bnc1lw8pz6yhd3sgfea";

    @RegisterExtension
    final LocalHttpServer server = LocalHttpServer.start();

    @TempDir
    Path temp;

    /** Routes t=caps and t=search of one endpoint to their handlers. */
    private void serve(HttpHandler caps, HttpHandler search) {
        server.on("/api/v2.0/indexers/all/results/torznab/", exchange -> {
            String t = LocalHttpServer.query(exchange.getRequestURI()).get("t");
            ("caps".equals(t) ? caps : search).handle(exchange);
        });
    }

    private TorznabProvider provider(String categories, int timeoutSeconds, int maxKiB) {
        return new TorznabProvider(TorznabSettings.of("jackett-all", "Jackett",
                server.uri("/api/v2.0/indexers/all/results/torznab/").toString(), KEY, categories, timeoutSeconds, maxKiB));
    }

    private TorznabProvider provider() {
        return provider("", 10, 4096);
    }

    static String resource(String name) {
        return LocalHttpServer.resource(TorznabProviderTest.class, name);
    }

    /** A Jackett result page of items number {@code from} to {@code from + count - 1}. */
    static String page(int from, int count) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:torznab="http://torznab.com/schemas/2015/feed">
                  <channel><title>AggregateSearch</title>
                """);
        for (int i = from; i < from + count; i++) {
            xml.append(item(i));
        }
        return xml.append("</channel></rss>\n").toString();
    }

    static String item(int i) {
        return """
                <item>
                  <title>debian-live-12.%d-amd64.iso</title>
                  <guid>https://tracker.example/details/%d</guid>
                  <pubDate>Sat, 10 Feb 2024 12:00:00 +0000</pubDate>
                  <size>%d</size>
                  <link>https://tracker.example/download/%d.torrent</link>
                  <enclosure url="https://tracker.example/download/%d.torrent" length="1" type="application/x-bittorrent" />
                  <torznab:attr name="category" value="4000" />
                  <torznab:attr name="seeders" value="%d" />
                  <torznab:attr name="peers" value="%d" />
                </item>
                """.formatted(i, i, 1000 + i, i, i, i, i + 2);
    }

    /** Fails the search, checks the key is nowhere in what it threw, and returns that. */
    private static <T extends Throwable> T failure(Class<T> type, TorznabProvider provider, SearchOptions options) {
        T e = assertThrows(type, () -> provider.search("debian", options, RecordingSink.unlimited()));
        assertFalse(String.valueOf(e.getMessage()).contains(KEY), e.getMessage());
        assertNull(e.getCause(), "a cause could hold the key");
        return e;
    }

    private List<URI> searches() {
        return server.requests().stream().filter(uri -> "search".equals(LocalHttpServer.query(uri).get("t"))).toList();
    }

    private List<URI> capsRequests() {
        return server.requests().stream().filter(uri -> "caps".equals(LocalHttpServer.query(uri).get("t"))).toList();
    }

    @Test
    void capsAreAskedOnceAndGiveTheCategories() throws Exception {
        serve(LocalHttpServer.xml(resource("caps.xml")), LocalHttpServer.xml(page(0, 2)));
        TorznabProvider provider = provider();
        assertEquals(EnumSet.allOf(SearchCategory.class), provider.categories(), "all, until the index says");
        provider.search("debian", SearchOptions.defaults(), RecordingSink.unlimited());
        provider.search("ubuntu", SearchOptions.defaults(), RecordingSink.unlimited());
        assertEquals(1, capsRequests().size());
        assertEquals(KEY, LocalHttpServer.query(capsRequests().get(0)).get("apikey"));
        assertEquals(Set.of(SearchCategory.MOVIES, SearchCategory.SOFTWARE, SearchCategory.GAMES, SearchCategory.TV),
                provider.categories());
    }

    @Test
    void theSearchSendsQueryCategoriesKeyAndLimit() throws Exception {
        serve(LocalHttpServer.xml(resource("caps.xml")), LocalHttpServer.xml(page(0, 3)));
        TorznabProvider provider = provider("2000, 5040", 10, 4096);
        assertEquals(Set.of(SearchCategory.MOVIES, SearchCategory.TV), provider.categories());
        provider.search("ubuntu 24.04 & co", SearchOptions.defaults().withLimit(50), RecordingSink.unlimited());
        Map<String, String> query = LocalHttpServer.query(searches().get(0));
        assertEquals(Map.of("t", "search", "q", "ubuntu 24.04 & co", "cat", "2000,5040", "extended", "1", "limit", "50",
                "offset", "0", "apikey", KEY), query);
    }

    @Test
    void theSearchsCategoriesNarrowWhatIsAsked() throws Exception {
        serve(LocalHttpServer.xml(resource("caps.xml")), LocalHttpServer.xml(page(0, 1)));
        provider().search("x", SearchOptions.defaults().withCategories(Set.of(SearchCategory.TV, SearchCategory.GAMES)),
                RecordingSink.unlimited());
        assertEquals("1000,4050,5000", LocalHttpServer.query(searches().get(0)).get("cat"));

        RecordingSink sink = RecordingSink.unlimited();
        provider("2000,5000", 10, 4096).search("x", SearchOptions.defaults().withCategories(Set.of(SearchCategory.MUSIC)), sink);
        assertEquals(1, searches().size(), "an index configured for movies and TV is not asked for music");
        assertEquals(List.of(), sink.results());

        provider("2000,5000", 10, 4096).search("x", SearchOptions.defaults().withCategories(Set.of(SearchCategory.TV)),
                RecordingSink.unlimited());
        assertEquals("5000", LocalHttpServer.query(searches().get(1)).get("cat"));
    }

    @Test
    void resultsCarryEveryAttribute() throws Exception {
        serve(LocalHttpServer.xml(resource("caps.xml")), LocalHttpServer.xml(resource("search.xml")));
        RecordingSink sink = RecordingSink.unlimited();
        provider().search("ubuntu", SearchOptions.defaults(), sink);
        assertEquals(2, sink.results().size());

        SearchResult ubuntu = sink.results().get(0);
        assertEquals("ubuntu-24.04-desktop-amd64.iso", ubuntu.title());
        assertEquals(SearchCategory.SOFTWARE, ubuntu.category());
        assertEquals(6114656256L, ubuntu.size());
        assertEquals(412, ubuntu.seeders());
        assertEquals(21, ubuntu.leechers(), "peers counts the seeders too");
        assertEquals("2aa4f5a7e209e54b32803d43670971c4c8caaa05", ubuntu.infoHash());
        assertEquals("magnet:?xt=urn:btih:2AA4F5A7E209E54B32803D43670971C4C8CAAA05&dn=ubuntu-24.04-desktop-amd64.iso",
                ubuntu.magnet().toString());
        assertEquals("http://127.0.0.1:9117/dl/linuxtracker/?jackett_apikey=JACKETT-KEY-abc123&path=Q2ZESjhH"
                + "&file=ubuntu-24.04-desktop-amd64.iso", ubuntu.torrentUrl().toString());
        assertEquals("https://linuxtracker.example/torrents-details.php?id=8812", ubuntu.detailsUrl().toString());
        assertEquals(Instant.parse("2024-04-25T14:32:10Z"), ubuntu.published());

        SearchResult bunny = sink.results().get(1);
        assertEquals(SearchCategory.MOVIES, bunny.category());
        assertEquals("magnet:?xt=urn:btih:dd8255ecdc7ca55fb0bbf81323d87062db1f6d1c&dn=Big+Buck+Bunny", bunny.magnet().toString());
        assertNull(bunny.torrentUrl(), "a magnet in <link> and <enclosure> is the magnet");
        assertEquals("dd8255ecdc7ca55fb0bbf81323d87062db1f6d1c", bunny.infoHash());
        assertNull(bunny.detailsUrl(), "a magnet guid is no page");
        assertEquals(30, bunny.seeders());
        assertEquals(1, bunny.leechers());
    }

    @Test
    void malformedXmlFailsWithWhereItBroke() {
        serve(LocalHttpServer.xml(resource("caps.xml")), LocalHttpServer.xml(page(0, 2).replace("</item>\n<item>", "<item>")));
        Exception e = failure(IOException.class, provider(), SearchOptions.defaults());
        assertTrue(e.getMessage().matches("malformed XML from http://127\\.0\\.0\\.1:\\d+/api/v2\\.0/indexers/all/results/torznab/"
                + "\\?t=search&q=debian&extended=1&limit=100&offset=0&apikey=\\*\\*\\* at line \\d+, column \\d+: .+"),
                e.getMessage());
    }

    @Test
    void anErrorElementIsTheIndexsOwnWords() {
        serve(LocalHttpServer.xml("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<error code=\"100\" description=\"Invalid API Key\" />"),
                LocalHttpServer.xml("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<error code=\"100\" description=\"Incorrect user credentials\" />"));
        Exception e = failure(IOException.class, provider(), SearchOptions.defaults());
        assertEquals("indexer error 100: Incorrect user credentials", e.getMessage());
    }

    @Test
    void httpErrorsNameTheStatusAndTheUrlWithoutTheKey() {
        serve(LocalHttpServer.status(401, ""), LocalHttpServer.status(401, ""));
        Exception unauthorized = failure(IOException.class, provider(), SearchOptions.defaults());
        assertEquals("HTTP 401 from " + server.uri("/api/v2.0/indexers/all/results/torznab/?t=search&q=debian&extended=1"
                + "&limit=100&offset=0&apikey=***"), unauthorized.getMessage());
    }

    @Test
    void anHttp500WithAnErrorBodySaysBoth() {
        serve(LocalHttpServer.xml(resource("caps.xml")), LocalHttpServer.status(500,
                "<error code=\"900\" description=\"System.Exception: tracker down&#10;   at Jackett.Common.Indexers.Foo apikey " + KEY + "\"/>"));
        Exception e = failure(IOException.class, provider(), SearchOptions.defaults());
        assertTrue(e.getMessage().startsWith("HTTP 500 from "), e.getMessage());
        assertTrue(e.getMessage().endsWith(": indexer error 900: System.Exception: tracker down at Jackett.Common.Indexers.Foo apikey ***"),
                e.getMessage());
    }

    @Test
    void aSlowIndexTimesOutWithAClearMessage() {
        serve(LocalHttpServer.xml(resource("caps.xml")), server.stallBeforeHeaders());
        TimeoutException e = failure(TimeoutException.class, provider("", 1, 4096), SearchOptions.defaults());
        assertTrue(e.getMessage().matches("no answer from http://127\\.0\\.0\\.1:\\d+/\\S+apikey=\\*\\*\\* within 1 s"), e.getMessage());
    }

    @Test
    void aHugeAnswerIsCutAtTheLimit() throws Exception {
        long fifty = 50L << 20;
        serve(LocalHttpServer.xml(resource("caps.xml")), server.endless(page(0, 0).replace("</channel></rss>\n", ""), item(1), fifty));
        RecordingSink sink = RecordingSink.unlimited();
        IOException e = assertThrows(IOException.class,
                () -> provider("", 20, 256).search("debian", SearchOptions.defaults().withLimit(1000), sink));
        assertTrue(e.getMessage().endsWith(" is larger than 256 KiB; stopped reading there (raise maxResponseKiB if it is right)"),
                e.getMessage());
        assertFalse(e.getMessage().contains(KEY));
        server.awaitEndlessDone();
        assertTrue(server.written() < fifty, "the transfer was not cut: " + server.written());
        assertEquals(1, sink.results().size(), "one result, delivered before the cut; its repeats are no new results");
    }

    @Test
    void anExternalEntityIsNotReadAndBillionLaughsAreRefused() throws Exception {
        Path secret = Files.writeString(temp.resolve("passwd"), "root:TOPSECRET-91c:0:0");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + page(0, 1).substring(page(0, 1).indexOf("<rss")).replace("debian-live-12.0-amd64.iso", "&xxe;");
        serve(LocalHttpServer.xml(resource("caps.xml")), LocalHttpServer.xml(xxe));
        RecordingSink sink = RecordingSink.unlimited();
        IOException e = assertThrows(IOException.class, () -> provider().search("debian", SearchOptions.defaults(), sink));
        assertTrue(e.getMessage().endsWith(": it has a DTD (<!DOCTYPE ...>), which no feed needs and entity attacks use"),
                e.getMessage());
        assertFalse(e.getMessage().contains("TOPSECRET"));
        assertEquals(List.of(), sink.results());

        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        laughs.append("]>\n<rss><channel><item><title>&l9;</title><link>https://x.example/a.torrent</link></item></channel></rss>");
        server.on("/laughs/", LocalHttpServer.xml(laughs.toString()));
        TorznabProvider laughing = new TorznabProvider(TorznabSettings.of("laughs", "", server.uri("/laughs/").toString(), KEY,
                "", 10, 4096));
        IOException refused = assertThrows(IOException.class,
                () -> laughing.search("lol", SearchOptions.defaults(), RecordingSink.unlimited()));
        assertTrue(refused.getMessage().startsWith("refused the answer from "), refused.getMessage());
    }

    @Test
    void pagesAreAskedWithOffsetsUntilTheLimit() throws Exception {
        serve(LocalHttpServer.xml(resource("caps.xml")), exchange -> {
            Map<String, String> query = LocalHttpServer.query(exchange.getRequestURI());
            int offset = Integer.parseInt(query.get("offset"));
            int limit = Integer.parseInt(query.get("limit"));
            LocalHttpServer.xml(page(offset, Math.max(0, Math.min(limit, 250 - offset)))).handle(exchange);
        });
        RecordingSink sink = RecordingSink.unlimited();
        provider().search("debian", SearchOptions.defaults().withLimit(230), sink);
        assertEquals(230, sink.results().size());
        assertEquals("debian-live-12.229-amd64.iso", sink.results().get(229).title());
        assertEquals(List.of("0/100", "100/100", "200/30"), searches().stream()
                .map(LocalHttpServer::query).map(q -> q.get("offset") + "/" + q.get("limit")).toList());
    }

    @Test
    void pagingStopsAtAShortPageAndAtAPageWithNothingNew() throws Exception {
        serve(LocalHttpServer.xml(resource("caps.xml")), LocalHttpServer.xml(page(0, 100)));
        RecordingSink sink = RecordingSink.unlimited();
        provider().search("debian", SearchOptions.defaults().withLimit(1000), sink);
        assertEquals(100, sink.results().size(), "an index that ignores offset gives the same page again");
        assertEquals(2, searches().size());

        server.on("/short/", LocalHttpServer.xml(page(0, 7)));
        TorznabProvider shortIndex = new TorznabProvider(TorznabSettings.of("short", "", server.uri("/short/").toString(), "",
                "", 10, 4096));
        RecordingSink few = RecordingSink.unlimited();
        shortIndex.search("debian", SearchOptions.defaults().withLimit(1000), few);
        assertEquals(7, few.results().size());
        assertEquals(2, server.requests().stream().filter(uri -> uri.getPath().equals("/short/")).count(),
                "caps (refused: it is no caps document) and one page");
    }

    @Test
    void aSinkThatWantsNoMoreStopsTheSearch() throws Exception {
        serve(LocalHttpServer.xml(resource("caps.xml")), LocalHttpServer.xml(page(0, 100)));
        RecordingSink sink = RecordingSink.acceptingAtMost(5);
        provider().search("debian", SearchOptions.defaults().withLimit(1000), sink);
        assertEquals(5, sink.results().size());
        assertEquals(1, searches().size());
    }

    /** On another thread: once {@code when} holds, cancels the sink and, if asked, interrupts the searcher. */
    private static CompletableFuture<Void> cancelWhen(BooleanSupplier when, RecordingSink sink, Thread interrupt) {
        return CompletableFuture.runAsync(() -> {
            try {
                while (!when.getAsBoolean()) {
                    Thread.sleep(5);
                }
            } catch (InterruptedException e) {
                return;
            }
            sink.cancel();
            if (interrupt != null) {
                interrupt.interrupt();
            }
        });
    }

    @Test
    void aCancelMidTransferReturnsPromptly() throws Exception {
        serve(LocalHttpServer.xml(resource("caps.xml")), server.stallAfter(page(0, 3).replace("</channel></rss>\n", "")));
        RecordingSink sink = RecordingSink.unlimited();
        CompletableFuture<Void> canceller = cancelWhen(() -> sink.results().size() == 3, sink, null);
        provider("", 60, 4096).search("debian", SearchOptions.defaults(), sink);
        canceller.join();
        assertEquals(3, sink.results().size(), "returned on the cancel, not at the server's end (it never ends)");
    }

    @Test
    void aCancelWhileWaitingForTheIndexReturnsPromptly() throws Exception {
        serve(LocalHttpServer.xml(resource("caps.xml")), server.stallBeforeHeaders());
        RecordingSink sink = RecordingSink.unlimited();
        CompletableFuture<Void> canceller = cancelWhen(() -> !searches().isEmpty(), sink, Thread.currentThread());
        provider("", 60, 4096).search("debian", SearchOptions.defaults(), sink);
        canceller.join();
        assertTrue(Thread.interrupted(), "the interrupt is left for Shoal's thread to see");
        assertEquals(List.of(), sink.results());
    }

    @Test
    void aKeyConfiguredAsAPublicPropertyIsRefused() {
        assertEquals("Torznab jackett: write the API key as .apiKey (with the dot), not apiKey, or every bundle can read"
                + " it in the service's properties", assertThrows(IllegalArgumentException.class,
                () -> TorznabProvider.checkedKeyPlace(Map.of("id", "jackett", "apiKey", KEY))).getMessage());
        Map<String, Object> fine = Map.of("id", "jackett", ".apiKey", KEY);
        assertEquals(fine, TorznabProvider.checkedKeyPlace(fine));
    }

    @Test
    void theKeyIsNoServiceProperty() {
        String component = resource("/OSGI-INF/" + TorznabProvider.class.getName() + ".xml");
        assertTrue(component.contains("<property name=\".apiKey\""), component);
        assertFalse(component.contains("name=\"apiKey\""), component);
    }

    @Test
    void malformedItemsAreSkippedAndOnlyMalformedOnesFail() throws Exception {
        String bad = """
                <item><title>no link at all</title><guid>g1</guid></item>
                <item><title>bad hash</title><guid>g2</guid><link>https://x.example/2.torrent</link>
                  <torznab:attr name="infohash" value="not-a-hash" /></item>
                <item><guid>g3</guid><link>https://x.example/3.torrent</link></item>
                """;
        serve(LocalHttpServer.xml(resource("caps.xml")), LocalHttpServer.xml(page(0, 2).replace("<channel><title>AggregateSearch</title>",
                "<channel><title>AggregateSearch</title>" + bad)));
        RecordingSink sink = RecordingSink.unlimited();
        provider().search("debian", SearchOptions.defaults(), sink);
        assertEquals(List.of("debian-live-12.0-amd64.iso", "debian-live-12.1-amd64.iso"), sink.titles());

        server.on("/bad/", LocalHttpServer.xml(page(0, 0).replace("<channel><title>AggregateSearch</title>",
                "<channel><title>AggregateSearch</title>" + bad)));
        TorznabProvider allBad = new TorznabProvider(TorznabSettings.of("bad", "", server.uri("/bad/").toString(), KEY, "", 10, 4096));
        IOException e = assertThrows(IOException.class, () -> allBad.search("x", SearchOptions.defaults(), RecordingSink.unlimited()));
        assertEquals("all 3 items from the index were malformed, e.g. 'no link at all' has neither a magnet link nor a torrent URL",
                e.getMessage());
    }

    @Test
    void capsThatFailAreAskedAgainAndTheSearchGoesOn() throws Exception {
        serve(LocalHttpServer.status(500, "oops"), LocalHttpServer.xml(page(0, 3)));
        TorznabProvider provider = provider();
        RecordingSink sink = RecordingSink.unlimited();
        provider.search("debian", SearchOptions.defaults(), sink);
        provider.search("debian", SearchOptions.defaults(), RecordingSink.unlimited());
        assertEquals(3, sink.results().size());
        assertEquals(2, capsRequests().size());
        assertEquals(EnumSet.allOf(SearchCategory.class), provider.categories());
    }

    @Test
    void settingsThatCannotWorkSayWhich() {
        assertEquals("Torznab id 'Jackett All' must be 1 to 64 of a-z, 0-9, '.', '-', '_'", assertThrows(
                IllegalArgumentException.class, () -> TorznabSettings.of("Jackett All", "", "http://h/", "", "", 10, 100)).getMessage());
        assertEquals("Torznab j: url must be the indexer's http(s) Torznab endpoint, e.g."
                + " http://127.0.0.1:9117/api/v2.0/indexers/all/results/torznab/, not 'ftp://h/'", assertThrows(
                IllegalArgumentException.class, () -> TorznabSettings.of("j", "", "ftp://h/", "", "", 10, 100)).getMessage());
        assertEquals("Torznab j: put the API key in .apiKey, not in the url", assertThrows(IllegalArgumentException.class,
                () -> TorznabSettings.of("j", "", "http://h/api?apikey=" + KEY, "", "", 10, 100)).getMessage());
        assertEquals("Torznab j: categories must be Torznab category numbers separated by commas (e.g. 2000,5040), not 'movies'",
                assertThrows(IllegalArgumentException.class,
                        () -> TorznabSettings.of("j", "", "http://h/", "", "movies", 10, 100)).getMessage());
        TorznabSettings clamped = TorznabSettings.of("j", " ", "http://h/", KEY, "", 0, 1);
        assertEquals("Torznab: j", clamped.name());
        assertEquals(1, clamped.timeout().toSeconds());
        assertEquals(16 * 1024, clamped.maxBytes());
        assertFalse(clamped.toString().contains(KEY));
    }
}
