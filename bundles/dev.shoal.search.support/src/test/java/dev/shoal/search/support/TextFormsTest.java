package dev.shoal.search.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Dates, sizes, links and masks as feeds and servers write them. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TextFormsTest {

    @Test
    void rssAndAtomDates() {
        assertEquals(Instant.parse("2015-03-14T21:10:42Z"), Dates.parse("Sat, 14 Mar 2015 17:10:42 -0400"));
        assertEquals(Instant.parse("2024-02-01T08:05:00Z"), Dates.parse("Thu, 1 Feb 2024 08:05:00 GMT"));
        assertEquals(Instant.parse("2024-02-01T13:05:00Z"), Dates.parse("1 Feb 2024 08:05 EST"));
        assertEquals(Instant.parse("2024-02-01T08:05:00Z"), Dates.parse("Fri, 01 Feb 24 08:05:00 UT"), "wrong weekday ignored");
        assertEquals(Instant.parse("2024-04-25T14:00:00Z"), Dates.parse("2024-04-25T16:00:00+02:00"));
        assertEquals(Instant.parse("2024-04-25T16:00:00Z"), Dates.parse("2024-04-25T16:00:00"));
        assertEquals(Instant.parse("2024-04-25T00:00:00Z"), Dates.parse("2024-04-25"));
        assertNull(Dates.parse("yesterday"));
        assertNull(Dates.parse("Sat, 31 Feb 2015 17:10:42 +0000"));
        assertNull(Dates.parse(null));
    }

    @Test
    void sizes() {
        assertEquals(1288490188L, Sizes.parse("1.2 GiB"));
        assertEquals(734003200L, Sizes.parse("700 MB"));
        assertEquals(3758096384L, Sizes.parse("3,5 GB"));
        assertEquals(512, Sizes.parse("512"));
        assertEquals(512, Sizes.parse("512 B"));
        assertEquals(-1, Sizes.parse("big"));
        assertEquals(-1, Sizes.parse("12 XB"));
        assertEquals(-1, Sizes.parse("99999999999999999 TiB"));
        assertEquals(42, Sizes.count(" 42 "));
        assertEquals(-1, Sizes.count("-3"));
        assertEquals(Integer.MAX_VALUE, Sizes.intCount("99999999999"));
    }

    @Test
    void linksWithCharactersUriRefuses() {
        assertEquals("http://torcache.example/t/AB.torrent?title=%5Bkickass%5D%20one",
                Links.parse(" http://torcache.example/t/AB.torrent?title=[kickass] one ").toString());
        assertEquals("http://[::1]:8080/a%5Bb%5D", Links.parse("http://[::1]:8080/a[b]").toString());
        assertEquals("https://x.example/%C3%A9t%C3%A9.torrent", Links.parse("https://x.example/été.torrent").toASCIIString());
        assertNull(Links.parse(""));
        assertNull(Links.parse("http://x/" + "a".repeat(Links.MAX_LENGTH)));
        assertEquals(true, Links.pathEndsWithTorrent(URI.create("https://x.example/a.TORRENT?x=1")));
        assertEquals(false, Links.pathEndsWithTorrent(URI.create("https://x.example/get?f=a.torrent")));
    }

    @Test
    void secretsAreMaskedByNameAndByValue() {
        Redactor redactor = Redactor.of("abc/def+ghi", null, " ");
        assertEquals("http://h/api?t=search&apikey=***&q=x&passkey=***&token=",
                redactor.uri(URI.create("http://h/api?t=search&apikey=zzz&q=x&passkey=p&token=")));
        assertEquals("http://h/dl?jackett_apikey=***&path=1", redactor.uri(URI.create("http://h/dl?jackett_apikey=zzz&path=1")));
        assertEquals("key *** and *** again", redactor.text("key abc/def+ghi and abc%2Fdef%2Bghi again"));
        assertEquals("http://h/p/***/announce", redactor.uri(URI.create("http://h/p/abc/def+ghi/announce")));
    }
}
