package dev.shoal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackerTiersTest {

    @Test
    void blanks_repeats_and_empty_tiers_are_dropped_in_order() {
        assertEquals(List.of(List.of("http://a.example/announce", "udp://b.example:80"), List.of("https://c.example/x")),
                TrackerTiers.clean(List.of(List.of(" http://a.example/announce ", "", "udp://b.example:80"),
                        List.of("  ", "http://a.example/announce"), List.of("https://c.example/x"))));
        assertEquals(List.of(), TrackerTiers.clean(List.of(List.of(), List.of(""))));
    }

    @Test
    void a_url_that_is_no_announce_url_is_refused_naming_it() {
        assertEquals("not an http, https or udp announce URL: ftp://a.example/",
                message(List.of(List.of("ftp://a.example/"))));
        assertEquals("an announce URL names a host: http:///announce", message(List.of(List.of("http:///announce"))));
        assertEquals("not an announce URL: http://a b (Illegal character in authority)",
                message(List.of(List.of("http://a b"))));
        assertEquals("an announce URL has at most 2048 characters: http://a.example/xxxxxxxxxxxxxxxxxxxxxxx...",
                message(List.of(List.of("http://a.example/" + "x".repeat(2100)))));
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= TrackerTiers.MAX_COUNT; i++) {
            many.add("http://t" + i + ".example/announce");
        }
        assertEquals("a torrent has at most 256 trackers, not 257", message(List.of(many)));
    }

    private static String message(List<List<String>> tiers) {
        return assertThrows(IllegalArgumentException.class, () -> TrackerTiers.clean(tiers)).getMessage();
    }
}
