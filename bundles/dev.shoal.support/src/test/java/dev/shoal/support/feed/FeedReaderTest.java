package dev.shoal.support.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.test.support.LocalHttpServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Items out of RSS, Atom and their torrent extensions; hostile XML kept out. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FeedReaderTest {

    @TempDir
    Path temp;

    static List<FeedItem> items(String xml) throws Exception {
        List<FeedItem> items = new ArrayList<>();
        FeedReader.read(SafeXml.open(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))), items::add);
        return items;
    }

    @Test
    void anRssItemWithEnclosureTorznabAttrsAndExtraElements() throws Exception {
        List<FeedItem> items = items("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:torznab="http://torznab.com/schemas/2015/feed">
                  <channel>
                    <atom:link href="http://127.0.0.1:9117/" rel="self" type="application/rss+xml" />
                    <title>AggregateSearch</title>
                    <item>
                      <title>debian-12.5.0-amd64-netinst.iso</title>
                      <guid>https://tracker.example/details/77</guid>
                      <jackettindexer id="example">Example</jackettindexer>
                      <comments>https://tracker.example/details/77</comments>
                      <pubDate>Sat, 10 Feb 2024 12:00:00 +0100</pubDate>
                      <size>658505728</size>
                      <description><![CDATA[<b>long</b> text]]></description>
                      <link>http://127.0.0.1:9117/dl/example/?jackett_apikey=k&amp;path=x&amp;file=debian</link>
                      <category>4000</category>
                      <category>100001</category>
                      <enclosure url="http://127.0.0.1:9117/dl/example/?jackett_apikey=k&amp;path=x" length="658505728" type="application/x-bittorrent" />
                      <torznab:attr name="category" value="4000" />
                      <torznab:attr name="category" value="100001" />
                      <torznab:attr name="seeders" value="12" />
                      <torznab:attr name="peers" value="15" />
                      <torznab:attr name="infohash" value="0123456789abcdef0123456789abcdef01234567" />
                    </item>
                  </channel>
                </rss>
                """);
        assertEquals(1, items.size());
        FeedItem item = items.get(0);
        assertEquals("debian-12.5.0-amd64-netinst.iso", item.title());
        assertEquals("https://tracker.example/details/77", item.guid());
        assertTrue(item.guidIsPermaLink());
        assertEquals("https://tracker.example/details/77", item.comments());
        assertEquals("http://127.0.0.1:9117/dl/example/?jackett_apikey=k&path=x&file=debian", item.link());
        assertEquals(List.of("4000", "100001"), item.categories());
        assertEquals(List.of("4000", "100001"), item.attrs("category"));
        assertEquals("12", item.attr("SEEDERS"));
        assertEquals("658505728", item.extension("size"));
        assertEquals("Example", item.extension("jackettindexer"));
        assertNull(item.extension("description"), "descriptions are skipped, not kept");
        FeedLink enclosure = item.links().get(0);
        assertTrue(enclosure.isEnclosure() && enclosure.isTorrentType());
        assertEquals(658505728, enclosure.length());
        assertEquals(Instant.parse("2024-02-10T11:00:00Z"), item.date());
    }

    @Test
    void anAtomEntryWithLinksAndDates() throws Exception {
        List<FeedItem> items = items("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Releases</title>
                  <entry>
                    <title type="html">Example OS 24.04 &lt;LTS&gt;</title>
                    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
                    <updated>2024-04-25T16:00:00Z</updated>
                    <link rel="alternate" href="https://os.example/releases/24.04"/>
                    <link rel="enclosure" type="application/x-bittorrent" length="301234" href="https://os.example/24.04.iso.torrent"/>
                    <category term="iso"/>
                    <summary>Not kept</summary>
                  </entry>
                </feed>
                """);
        FeedItem item = items.get(0);
        assertEquals("Example OS 24.04 <LTS>", item.title());
        assertFalse(item.guidIsPermaLink());
        assertEquals(2, item.links().size());
        assertEquals("alternate", item.links().get(0).rel());
        assertTrue(item.links().get(1).isEnclosure() && item.links().get(1).isTorrentType());
        assertEquals(List.of("iso"), item.categories());
        assertEquals(Instant.parse("2024-04-25T16:00:00Z"), item.date());
    }

    @Test
    void ezRssInBothItsPrefixedAndItsNestedForm() throws Exception {
        List<FeedItem> items = items("""
                <rss version="2.0" xmlns:torrent="http://xmlns.ezrss.it/0.1/">
                  <channel>
                    <item>
                      <title>One</title>
                      <torrent:contentLength>2078092413</torrent:contentLength>
                      <torrent:infoHash>3450458EAF4F840405596C443DC331A37BA15D60</torrent:infoHash>
                      <torrent:magnetURI><![CDATA[magnet:?xt=urn:btih:3450458EAF4F840405596C443DC331A37BA15D60&dn=one]]></torrent:magnetURI>
                      <torrent:seeds>23</torrent:seeds>
                      <torrent:peers>48</torrent:peers>
                    </item>
                    <item>
                      <title>Two</title>
                      <torrent xmlns="http://xmlns.ezrss.it/0.1/">
                        <fileName>two.torrent</fileName>
                        <contentLength>1000</contentLength>
                        <infoHash>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</infoHash>
                      </torrent>
                    </item>
                  </channel>
                </rss>
                """);
        assertEquals("2078092413", items.get(0).extension("contentLength"));
        assertEquals("23", items.get(0).extension("seeds"));
        assertTrue(items.get(0).extension("magnetURI").startsWith("magnet:?xt=urn:btih:3450"));
        assertEquals("1000", items.get(1).extension("contentlength"));
        assertEquals("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", items.get(1).extension("infoHash"));
    }

    @Test
    void anErrorDocumentIsAnIndexerError() {
        IndexerError e = assertThrows(IndexerError.class, () -> items(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<error code=\"100\" description=\"Incorrect user credentials\" />"));
        assertEquals("indexer error 100: Incorrect user credentials", e.getMessage());
        assertEquals("100", e.code());
    }

    @Test
    void theHandlerStopsTheReading() throws Exception {
        StringBuilder xml = new StringBuilder("<rss><channel>");
        for (int i = 0; i < 10; i++) {
            xml.append("<item><title>").append(i).append("</title></item>");
        }
        xml.append("<item><title>broken</item></channel></rss>");
        List<String> seen = new ArrayList<>();
        FeedReader.read(SafeXml.open(new ByteArrayInputStream(xml.toString().getBytes(StandardCharsets.UTF_8))), item -> {
            seen.add(item.title());
            return seen.size() < 3;
        });
        assertEquals(List.of("0", "1", "2"), seen, "stopped before the malformed end was read");
    }

    @Test
    void anExternalEntityIsNeverRead() throws Exception {
        Path secret = Files.writeString(temp.resolve("secret.txt"), "TOPSECRET-7b1e");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<rss><channel><item><title>&xxe;</title><link>http://x.example/a.torrent</link></item></channel></rss>";
        SafeXml.RefusedXml e = assertThrows(SafeXml.RefusedXml.class, () -> items(xml));
        assertEquals("it has a DTD (<!DOCTYPE ...>), which no feed needs and entity attacks use", e.getMessage());
        assertFalse(e.toString().contains("TOPSECRET"));
    }

    @Test
    void aParameterEntityFetchesNothing() throws Exception {
        try (LocalHttpServer server = LocalHttpServer.start()) {
            server.on("/evil.dtd", LocalHttpServer.xml("<!ENTITY x 'y'>"));
            String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY % p SYSTEM \"" + server.uri("/evil.dtd") + "\"> %p;]>\n"
                    + "<rss><channel/></rss>";
            assertThrows(XMLStreamException.class, () -> items(xml));
            assertEquals(List.of(), server.requests(), "the parser went out for the DTD");
        }
    }

    @Test
    void billionLaughsAreRefusedBeforeAnyExpansion() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        String xml = "<?xml version=\"1.0\"?>\n" + dtd + "]>\n<rss><channel><item><title>&lol9;</title></item></channel></rss>";
        SafeXml.RefusedXml e = assertThrows(SafeXml.RefusedXml.class, () -> items(xml));
        assertTrue(e.getMessage().contains("DTD"), e.getMessage());
    }

    @Test
    void anHtmlPageOrAnotherDocumentIsNoFeed() {
        SafeXml.RefusedXml html = assertThrows(SafeXml.RefusedXml.class,
                () -> items("<!DOCTYPE html>\n<html><head><title>Login</title></head></html>"));
        assertEquals("it is an HTML page, not XML for Shoal", html.getMessage());
        SafeXml.RefusedXml other = assertThrows(SafeXml.RefusedXml.class, () -> items("<caps><server/></caps>"));
        assertEquals("it is no RSS or Atom feed (its root element is <caps>)", other.getMessage());
        XMLStreamException empty = assertThrows(XMLStreamException.class, () -> items(""));
        assertTrue(empty.getMessage().endsWith("Premature end of file."), empty.getMessage());
    }

    @Test
    void oneItemHoldsABoundedNumberOfFieldsAndNesting() throws Exception {
        StringBuilder xml = new StringBuilder("<rss xmlns:x=\"urn:x\"><channel><item><title>t</title>");
        for (int i = 0; i < 10_000; i++) {
            xml.append("<x:f").append(i).append(">v</x:f").append(i).append('>');
        }
        xml.append("<x:deep>").append("<x:d>".repeat(5_000)).append("end").append("</x:d>".repeat(5_000)).append("</x:deep>");
        xml.append("</item></channel></rss>");
        FeedItem item = items(xml.toString()).get(0);
        assertEquals("t", item.title());
        assertTrue(item.extensions.size() <= FeedItem.MAX_FIELDS, item.extensions.size() + " fields kept");
    }
}
