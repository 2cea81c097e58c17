package dev.shoal.support.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shoal.support.http.Deadline;
import dev.shoal.support.http.FetchLimits;
import dev.shoal.support.http.HttpFetcher;
import dev.shoal.support.http.Redactor;
import dev.shoal.test.support.LocalHttpServer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every way a document fetch fails ends as one line. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class XmlFetchTest {

    private static final String KEY = "k3y-that-must-not-show";

    @RegisterExtension
    final LocalHttpServer server = LocalHttpServer.start();
    private final XmlFetch fetch = new XmlFetch(new HttpFetcher(Duration.ofSeconds(5), "Shoal-test", XmlFetch.ACCEPT));
    private final Redactor redactor = Redactor.of(KEY);

    private List<String> titles(String path, long maxBytes) throws IOException {
        List<String> titles = new ArrayList<>();
        fetch.get(server.uri(path), new FetchLimits(Deadline.in(Duration.ofSeconds(10)), maxBytes, () -> false,
                        "raise maxResponseKiB if it is right"), redactor,
                reader -> {
                    FeedReader.read(reader, item -> titles.add(item.title()));
                    return titles;
                });
        return titles;
    }

    @Test
    void aFeedIsParsedAsItStreams() throws IOException {
        server.on("/feed", LocalHttpServer.xml("<rss><channel><item><title>a</title></item><item><title>b</title></item></channel></rss>"));
        assertEquals(List.of("a", "b"), titles("/feed", 1 << 20));
    }

    @Test
    void malformedXmlSaysWhere() {
        server.on("/feed", LocalHttpServer.xml("<rss>\n<channel>\n<item><title>a</item>\n</channel></rss>"));
        IOException e = assertThrows(IOException.class, () -> titles("/feed?apikey=" + KEY, 1 << 20));
        assertEquals("malformed XML from " + server.uri("/feed?apikey=***") + " at line 3, column 17: The element type \"title\""
                + " must be terminated by the matching end-tag \"</title>\".", e.getMessage());
    }

    @Test
    void anErrorElementWithStatus200() {
        server.on("/api", LocalHttpServer.xml("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<error code=\"100\" description=\"Invalid API Key\" />"));
        IndexerError e = assertThrows(IndexerError.class, () -> titles("/api", 1 << 20));
        assertEquals("indexer error 100: Invalid API Key", e.getMessage());
    }

    @Test
    void anErrorStatusWithAnErrorElementGivesBoth() {
        server.on("/api", LocalHttpServer.status(400, "<error code=\"201\" description=\"Incorrect parameter: key " + KEY + "\"/>"));
        IOException e = assertThrows(IOException.class, () -> titles("/api?apikey=" + KEY, 1 << 20));
        assertEquals("HTTP 400 from " + server.uri("/api?apikey=***") + ": indexer error 201: Incorrect parameter: key ***",
                e.getMessage());
    }

    @Test
    void anErrorStatusWithAnyOtherBody() {
        server.on("/api", LocalHttpServer.status(500, "<html><body>Internal Server Error</body></html>"));
        IOException e = assertThrows(IOException.class, () -> titles("/api", 1 << 20));
        assertEquals("HTTP 500 from " + server.uri("/api"), e.getMessage());
    }

    @Test
    void aCutTransferIsReportedAsTheCutNotAsMalformedXml() {
        server.on("/huge", server.endless("<rss><channel>", "<item><title>" + "t".repeat(1000) + "</title></item>", 50L << 20));
        IOException e = assertThrows(IOException.class, () -> titles("/huge", 64 * 1024));
        assertEquals("the answer from " + server.uri("/huge")
                + " is larger than 64.0 KiB; stopped reading there (raise maxResponseKiB if it is right)", e.getMessage());
    }
}
