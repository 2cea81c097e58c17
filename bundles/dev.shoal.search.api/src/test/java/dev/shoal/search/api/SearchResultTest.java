package dev.shoal.search.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchResultTest {

    private static final String HEX = "c9e15763f722f23e98a29decdfae341b98d53056";

    @Test
    void takesTheInfoHashFromTheMagnetLink() {
        SearchResult result = SearchResult.builder("Debian 12")
                .magnet(URI.create("magnet:?dn=debian&xt=urn:btih:" + HEX.toUpperCase() + "&tr=http%3A%2F%2Fx"))
                .build();
        assertEquals(HEX, result.infoHash());
    }

    @Test
    void turnsABase32InfoHashIntoHex() {
        // Bytes 0x00..0x13 in RFC 4648 base32.
        SearchResult result = SearchResult.builder("old magnet")
                .magnet(URI.create("magnet:?xt=urn:btih:AAAQEAYEAUDAOCAJBIFQYDIOB4IBCEQT")).build();
        assertEquals("000102030405060708090a0b0c0d0e0f10111213", result.infoHash());
    }

    @Test
    void aResultWithoutAMagnetOrTorrentUrlIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SearchResult.builder("nothing to fetch").detailsUrl(URI.create("https://x/1")).build());
        assertTrue(e.getMessage().contains("neither a magnet link nor a torrent URL"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "ftp://x/a.torrent", "data:text/plain,x"})
    void torrentUrlsAreHttpHttpsOrFile(String link) {
        assertThrows(IllegalArgumentException.class,
                () -> SearchResult.builder("t").torrentUrl(URI.create(link)).build());
    }

    @Test
    void titlesAndLinksAreBounded() {
        assertThrows(IllegalArgumentException.class, () -> SearchResult.builder("x".repeat(SearchResult.MAX_TITLE + 1))
                .torrentUrl(URI.create("https://x/a.torrent")).build());
        assertThrows(IllegalArgumentException.class, () -> SearchResult.builder("  ")
                .torrentUrl(URI.create("https://x/a.torrent")).build());
        assertThrows(IllegalArgumentException.class, () -> SearchResult.builder("t")
                .torrentUrl(URI.create("https://x/" + "a".repeat(SearchResult.MAX_LINK))).build());
    }

    @Test
    void unknownCountsAreMinusOneAndAMalformedInfoHashIsRefused() {
        SearchResult result = SearchResult.builder(" Ubuntu ").torrentUrl(URI.create("file:/tmp/u.torrent"))
                .seeders(-7).build();
        assertEquals("Ubuntu", result.title());
        assertEquals(-1, result.seeders());
        assertEquals(-1, result.size());
        assertNull(result.infoHash());
        assertThrows(IllegalArgumentException.class, () -> SearchResult.builder("t")
                .torrentUrl(URI.create("https://x/a.torrent")).infoHash("xyz").build());
    }

    @Test
    void optionsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> SearchOptions.defaults().withLimit(0));
        assertThrows(IllegalArgumentException.class, () -> SearchOptions.defaults().withLimit(SearchOptions.MAX_LIMIT + 1));
        assertThrows(IllegalArgumentException.class, () -> SearchOptions.defaults().withTimeout(Duration.ZERO));
        assertTrue(SearchOptions.defaults().wants(SearchCategory.MOVIES));
    }
}
