package dev.shoal.support.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Links as feeds and servers write them, and secrets masked in what is shown. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LinksAndSecretsTest {

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
