package dev.shoal.tracker.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.tracker.api.AnnounceEvent;
import dev.shoal.tracker.api.AnnounceRequest;
import dev.shoal.tracker.api.TrackerException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrackerUrlsTest {

    /** Every byte value class: unreserved letters and digits, reserved ASCII, high bytes, zero. */
    static final InfoHash BINARY_HASH = InfoHash.fromHex("00ff41207e2d2e5f7a3025263f2f80c3a9e9ff10");

    static AnnounceRequest request(AnnounceEvent event, Optional<String> trackerId) {
        byte[] peerId = "-SH0001-ab~cd ef/+%Z".getBytes(StandardCharsets.US_ASCII);
        return new AnnounceRequest(BINARY_HASH, peerId, 6881, 10, 20, 30, event, 50, 0xBEEF, trackerId);
    }

    @Test
    void encodesTheRawBytesOfInfoHashAndPeerId() {
        URI uri = TrackerUrls.announce(URI.create("http://t.example:8080/announce"),
                request(AnnounceEvent.STARTED, Optional.of("id 1")));
        assertEquals("info_hash=%00%FFA%20~-._z0%25%26%3F%2F%80%C3%A9%E9%FF%10"
                + "&peer_id=-SH0001-ab~cd%20ef%2F%2B%25Z&port=6881&uploaded=10&downloaded=20&left=30&compact=1"
                + "&event=started&numwant=50&key=0000BEEF&trackerid=id%201", uri.getRawQuery());
        assertEquals("/announce", uri.getRawPath());
    }

    @Test
    void namesOurAddressesOfEachFamilyWhenKnown() throws Exception {
        URI uri = TrackerUrls.announce(URI.create("http://[2001:db8::7]:6969/announce"),
                request(AnnounceEvent.NONE, Optional.empty()),
                Optional.of(java.net.InetAddress.getByName("198.18.0.9")),
                Optional.of(java.net.InetAddress.getByName("2001:db8:1::5")));
        assertTrue(uri.getRawQuery().endsWith("&key=0000BEEF&ipv4=198.18.0.9&ipv6=2001%3Adb8%3A1%3A0%3A0%3A0%3A0%3A5"),
                uri.getRawQuery());
        assertEquals("[2001:db8::7]", uri.getHost());
    }

    @Test
    void leavesOutEventNoneAndKeepsAnExistingQuery() {
        URI uri = TrackerUrls.announce(URI.create("http://t.example/announce.php?passkey=abc#frag"),
                request(AnnounceEvent.NONE, Optional.empty()));
        String query = uri.getRawQuery();
        assertEquals(true, query.startsWith("passkey=abc&info_hash="), query);
        assertEquals(false, query.contains("event="), query);
        assertEquals(null, uri.getRawFragment());
    }

    @ParameterizedTest
    @CsvSource({
        "http://example.com/announce, http://example.com/scrape",
        "http://example.com/x/announce, http://example.com/x/scrape",
        "http://example.com/announce.php, http://example.com/scrape.php",
        "http://example.com/announce?x2%0644, http://example.com/scrape?x2%0644",
        "https://example.com:8443/p/announce, https://example.com:8443/p/scrape",
    })
    void scrapeUrlFollowsBep48(String announce, String scrape) throws TrackerException {
        InfoHash hash = InfoHash.fromHex("0123456789abcdef0123456789abcdef01234567");
        URI uri = TrackerUrls.scrape(URI.create(announce), List.of(hash));
        String expectedQuery = "info_hash=%01%23Eg%89%AB%CD%EF%01%23Eg%89%AB%CD%EF%01%23Eg";
        String separator = scrape.contains("?") ? "&" : "?";
        assertEquals(scrape + separator + expectedQuery, uri.toString());
    }

    @ParameterizedTest
    @CsvSource({"http://example.com/a", "http://example.com/announce/x", "http://example.com/x%064announce",
        "http://example.com"})
    void noScrapeWithoutAnAnnounceSegment(String announce) {
        TrackerException e = assertThrows(TrackerException.class,
                () -> TrackerUrls.scrape(URI.create(announce), List.of(BINARY_HASH)));
        assertEquals(TrackerException.Kind.UNSUPPORTED, e.kind());
    }

    @Test
    void scrapeTakesSeveralInfoHashes() throws TrackerException {
        InfoHash other = InfoHash.v1(new byte[20]);
        URI uri = TrackerUrls.scrape(URI.create("http://example.com/announce"), List.of(BINARY_HASH, other));
        assertEquals("info_hash=%00%FFA%20~-._z0%25%26%3F%2F%80%C3%A9%E9%FF%10&info_hash="
                + "%00".repeat(20), uri.getRawQuery());
    }
}
