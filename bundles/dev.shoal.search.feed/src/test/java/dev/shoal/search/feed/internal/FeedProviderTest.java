package dev.shoal.search.feed.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The feed provider against a real HTTP server serving RSS and Atom feeds. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FeedProviderTest {

    /** The time-out of a feed the local server answers: one a loaded machine does not run into. */
    private static final int ANSWERED_WITHIN = 10;

    @RegisterExtension
    final LocalHttpServer server = LocalHttpServer.start();

    private FeedProvider feed(String resource, String category, int refreshMinutes) {
        return feed(LocalHttpServer.xml(LocalHttpServer.resource(FeedProviderTest.class, resource)), category, refreshMinutes);
    }

    private FeedProvider feed(HttpHandler handler, String category, int refreshMinutes) {
        return feed(handler, category, refreshMinutes, ANSWERED_WITHIN);
    }

    private FeedProvider feed(HttpHandler handler, String category, int refreshMinutes, int timeoutSeconds) {
        server.on("/feed", handler);
        return new FeedProvider(FeedSettings.of("feed", "", server.uri("/feed").toString(), category, refreshMinutes,
                timeoutSeconds, 256));
    }

    private static RecordingSink search(FeedProvider feed, String query) throws Exception {
        RecordingSink sink = RecordingSink.unlimited();
        feed.search(query, SearchOptions.defaults(), sink);
        return sink;
    }

    @Test
    void aReleaseFeedMatchesEveryWordInAnyCase() throws Exception {
        FeedProvider releases = feed("releases.rss", "", 30);
        assertEquals(Set.of(SearchCategory.SOFTWARE), releases.categories());
        assertEquals(List.of("debian-12.5.0-amd64-netinst.iso", "debian-12.4.0-amd64-netinst.iso"),
                search(releases, "NETINST  Amd64").titles());
        assertEquals(List.of("debian-12.5.0-amd64-netinst.iso", "debian-12.5.0-arm64-netinst.iso",
                "debian-live-12.5.0-amd64-kde.iso"), search(releases, "12.5").titles(), "the news item has no torrent");
        assertEquals(List.of(), search(releases, "netinst i386").titles());

        SearchResult netinst = search(releases, "12.5.0 amd64 netinst").results().get(0);
        assertEquals("https://releases.example.org/12.5.0/amd64/netinst/torrent/", netinst.torrentUrl().toString(),
                "typed application/x-bittorrent, named however");
        assertEquals("https://releases.example.org/12.5.0/", netinst.detailsUrl().toString());
        assertEquals(Instant.parse("2024-02-10T12:00:00Z"), netinst.published());
        assertEquals(SearchCategory.SOFTWARE, netinst.category());
        assertEquals(-1, netinst.size(), "the enclosure's length is the torrent file's");
        assertNull(netinst.magnet());

        SearchResult arm = search(releases, "arm64").results().get(0);
        assertEquals("https://releases.example.org/12.5.0/arm64/debian-12.5.0-arm64-netinst.iso.torrent",
                arm.torrentUrl().toString(), "an enclosure named .torrent");
        SearchResult live = search(releases, "live kde").results().get(0);
        assertEquals("https://releases.example.org/12.5.0/live/debian-live-12.5.0-amd64-kde.iso.torrent",
                live.torrentUrl().toString(), "a <link> named .torrent");
        assertEquals("https://releases.example.org/12.5.0/live/", live.detailsUrl().toString(), "the permalink guid");
        assertEquals(1, server.requests().size(), "one fetch for all these searches");
    }

    @Test
    void aNyaaFeedGivesCountsSizesAndHashes() throws Exception {
        SearchResult sintel = search(feed("nyaa.rss", "tv", 30), "sintel").results().get(0);
        assertEquals("[SubGroup] Open Movie Project - Sintel (2010) [1080p]", sintel.title());
        assertEquals(SearchCategory.TV, sintel.category());
        assertEquals(57, sintel.seeders());
        assertEquals(4, sintel.leechers());
        // "1.2 GiB", rounded half up as every size Shoal reads.
        assertEquals(1288490189L, sintel.size());
        assertEquals("08ada5a7a6183aae1e09d831df6748d566095a10", sintel.infoHash());
        assertEquals("https://nyaa.example/download/1780001.torrent", sintel.torrentUrl().toString());
        assertEquals("https://nyaa.example/view/1780001", sintel.detailsUrl().toString());
        assertEquals(Instant.parse("2024-03-05T18:02:11Z"), sintel.published());
    }

    @Test
    void anEzRssFeedGivesMagnetsAndCounts() throws Exception {
        List<SearchResult> episodes = search(feed("ezrss.rss", "TV", 30), "open series").results();
        assertEquals(2, episodes.size());
        SearchResult two = episodes.get(0);
        assertEquals("https://tv.example/torrents/Open.Series.S01E02.720p.torrent?title=[tv.example]Open.Series.S01E02",
                two.torrentUrl().toString());
        assertTrue(two.magnet().toString().startsWith("magnet:?xt=urn:btih:C12FE1C06BBA254A9DC9F519B335AA7C1367A88A"));
        assertEquals("c12fe1c06bba254a9dc9f519b335aa7c1367a88a", two.infoHash());
        assertEquals(734003200L, two.size());
        assertEquals(23, two.seeders());
        assertEquals(48, two.leechers());
        assertEquals(Instant.parse("2024-03-07T02:00:00Z"), two.published());
        assertEquals("https://tv.example/ep/102/open-series-s01e02/", two.detailsUrl().toString());

        SearchResult one = episodes.get(1);
        assertNull(one.torrentUrl(), "a magnet alone is enough");
        assertEquals("abe27bfe4adac71d29423746fd366253c1cd33d2", one.infoHash(), "base32 in the magnet, hex here");
    }

    @Test
    void anAtomFeedGivesItsEnclosureLinks() throws Exception {
        List<SearchResult> releases = search(feed("releases.atom", "software", 30), "amd64 DISC1").results();
        assertEquals(2, releases.size());
        assertEquals("https://bsd.example/torrents/14.1-amd64-disc1.iso.torrent", releases.get(0).torrentUrl().toString());
        assertEquals("https://bsd.example/releases/14.1R/", releases.get(0).detailsUrl().toString());
        assertEquals(Instant.parse("2024-06-04T06:00:00Z"), releases.get(0).published());
        assertEquals("https://bsd.example/releases/14.0R/", releases.get(1).detailsUrl().toString(), "rel defaults to alternate");
        assertEquals(Instant.parse("2023-11-20T09:30:00Z"), releases.get(1).published());
    }

    @Test
    void theFeedIsFetchedOncePerRefreshPeriod() throws Exception {
        AtomicInteger served = new AtomicInteger();
        String xml = LocalHttpServer.resource(FeedProviderTest.class, "releases.rss");
        HttpHandler counting = exchange -> {
            served.incrementAndGet();
            LocalHttpServer.xml(xml).handle(exchange);
        };
        FeedProvider cached = feed(counting, "", 30);
        search(cached, "netinst");
        search(cached, "kde");
        assertEquals(1, served.get());

        server.on("/uncached", counting);
        FeedProvider uncached = new FeedProvider(FeedSettings.of("u", "", server.uri("/uncached").toString(), "", 0, 2, 256));
        search(uncached, "netinst");
        search(uncached, "kde");
        assertEquals(3, served.get(), "refreshMinutes=0 fetches for every search");
    }

    @Test
    void aFailedFetchIsNotKept() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String xml = LocalHttpServer.resource(FeedProviderTest.class, "releases.rss");
        FeedProvider flaky = feed(exchange -> (calls.incrementAndGet() == 1 ? LocalHttpServer.status(503, "busy")
                : LocalHttpServer.xml(xml)).handle(exchange), "", 30);
        IOException e = assertThrows(IOException.class, () -> search(flaky, "netinst"));
        assertEquals("HTTP 503 from " + server.uri("/feed"), e.getMessage());
        assertEquals(3, search(flaky, "netinst").results().size());
    }

    @Test
    void searchesForOtherCategoriesOrBeyondTheLimitStop() throws Exception {
        FeedProvider releases = feed("releases.rss", "", 30);
        RecordingSink movies = RecordingSink.unlimited();
        releases.search("netinst", SearchOptions.defaults().withCategories(Set.of(SearchCategory.MOVIES)), movies);
        assertEquals(List.of(), movies.results());
        assertEquals(List.of(), server.requests(), "a feed of software is not fetched for movies");

        RecordingSink two = RecordingSink.unlimited();
        releases.search("debian", SearchOptions.defaults().withLimit(2), two);
        assertEquals(2, two.results().size());
        RecordingSink refusing = RecordingSink.acceptingAtMost(1);
        releases.search("debian", SearchOptions.defaults(), refusing);
        assertEquals(1, refusing.results().size());
    }

    @Test
    void badFeedsFailWithOneLine() {
        assertEquals("malformed XML from " + server.uri("/feed") + " at line 1, column 31: The element type \"title\" must be"
                + " terminated by the matching end-tag \"</title>\".", assertThrows(IOException.class, () -> search(
                feed(LocalHttpServer.xml("<rss><channel><item><title>a</item></channel></rss>"), "", 0), "a")).getMessage());
        assertEquals("refused the answer from " + server.uri("/html") + ": it is an HTML page, not XML for Shoal",
                failure("/html", LocalHttpServer.xml("<!DOCTYPE html>\n<html><body>Sign in</body></html>")));
        assertEquals("HTTP 404 from " + server.uri("/gone"), failure("/gone", LocalHttpServer.status(404, "Not Found")));
        assertEquals("none of the 1 items in " + server.uri("/blog") + " has a torrent or magnet link: is it a feed of torrents?",
                failure("/blog", LocalHttpServer.xml("<rss><channel><item><title>Hello</title>"
                        + "<link>https://blog.example/hello</link></item></channel></rss>")));
        assertEquals("all 1 torrents in " + server.uri("/bad") + " were malformed, e.g. an item without a title",
                failure("/bad", LocalHttpServer.xml("<rss><channel><item><link>https://x.example/a.torrent</link></item></channel></rss>")));
        assertEquals("refused the answer from " + server.uri("/caps") + ": it is no RSS or Atom feed (its root element is <caps>)",
                failure("/caps", LocalHttpServer.xml("<caps/>")));
    }

    @Test
    void aPasskeyInTheFeedsUrlIsNeverShown() {
        server.on("/rss", LocalHttpServer.status(403, "banned"));
        String url = server.uri("/rss?cat=4&passkey=0a1b2c3d4e5f60718293a4b5c6d7e8f9").toString();
        FeedProvider feed = new FeedProvider(FeedSettings.of("private", "", url, "", 0, 2, 256));
        IOException e = assertThrows(IOException.class, () -> search(feed, "x"));
        assertEquals("HTTP 403 from " + server.uri("/rss?cat=4&passkey=***"), e.getMessage());
    }

    private String failure(String path, HttpHandler handler) {
        server.on(path, handler);
        FeedProvider feed = new FeedProvider(FeedSettings.of("f", "", server.uri(path).toString(), "", 0, ANSWERED_WITHIN,
                256));
        return assertThrows(IOException.class, () -> search(feed, "x")).getMessage();
    }

    @Test
    void aSlowFeedTimesOutAndAHugeOneIsCut() throws Exception {
        TimeoutException slow = assertThrows(TimeoutException.class,
                () -> search(feed(server.stallBeforeHeaders(), "", 0, 2), "x"));
        assertEquals("no answer from " + server.uri("/feed") + " within 2 s", slow.getMessage());

        long fifty = 50L << 20;
        server.on("/huge", server.endless("<rss><channel>", "<item><title>x</title><link>https://x.example/a.torrent</link></item>", fifty));
        FeedProvider huge = new FeedProvider(FeedSettings.of("h", "", server.uri("/huge").toString(), "", 0, 20, 256));
        IOException cut = assertThrows(IOException.class, () -> search(huge, "x"));
        assertEquals("the answer from " + server.uri("/huge")
                + " is larger than 256 KiB; stopped reading there (raise maxResponseKiB if it is right)", cut.getMessage());
        server.awaitEndlessDone();
        assertTrue(server.written() < fifty, "the transfer was not cut: " + server.written());
    }

    @Test
    void aCancelWhileFetchingReturnsQuietly() throws Exception {
        FeedProvider stalled = feed(server.stallAfter("<rss><channel>"), "", 0);
        RecordingSink sink = RecordingSink.unlimited();
        Thread canceller = new Thread(() -> {
            try {
                while (server.requests().isEmpty()) {
                    Thread.sleep(5);
                }
                sink.cancel();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        canceller.start();
        stalled.search("x", SearchOptions.defaults(), sink);
        canceller.join();
        assertEquals(List.of(), sink.results());
    }

    @Test
    void settingsThatCannotWorkSayWhich() {
        assertEquals("Feed f: category must be one of [MOVIES, TV, MUSIC, GAMES, SOFTWARE, BOOKS, OTHER], not 'isos'",
                assertThrows(IllegalArgumentException.class, () -> FeedSettings.of("f", "", "https://x/", "isos", 1, 1, 16))
                        .getMessage());
        assertEquals("Feed f: url must be the http(s) URL of an RSS or Atom feed, not 'releases.rss'",
                assertThrows(IllegalArgumentException.class, () -> FeedSettings.of("f", "", "releases.rss", "", 1, 1, 16))
                        .getMessage());
        assertEquals("Feed id '' must be 1 to 64 of a-z, 0-9, '.', '-', '_'",
                assertThrows(IllegalArgumentException.class, () -> FeedSettings.of(null, "", "https://x/", "", 1, 1, 16))
                        .getMessage());
        FeedSettings defaults = FeedSettings.of("f", "", "https://x/", "", -5, 0, 1);
        assertEquals("Feed: f", defaults.name());
        assertEquals(SearchCategory.SOFTWARE, defaults.category());
        assertEquals(0, defaults.refresh().toMinutes());
        assertEquals(1, defaults.timeout().toSeconds());
        assertEquals(16 * 1024, defaults.maxBytes());
    }
}
