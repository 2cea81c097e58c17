package dev.shoal.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** torrent-set's tracker edits mapped onto a torrent's tiers, as Transmission reads them. */
class TrackerEditsTest {

    private final ObjectMapper json = new ObjectMapper();

    private static final List<List<String>> TIERS = List.of(List.of("http://a/1", "http://b/1"), List.of("udp://c:1"));
    /** As trackerStats shows them (the running session may list a tier in another order). */
    private static final List<String> SHOWN = List.of("http://b/1", "http://a/1", "udp://c:1");

    private TrackerEdits edits(String arguments) throws Exception {
        return TrackerEdits.read(new Arguments(json.readTree(arguments)));
    }

    @Test
    void added_urls_get_a_tier_each_and_ones_there_are_ignored() throws Exception {
        assertEquals(List.of(List.of("http://a/1", "http://b/1"), List.of("udp://c:1"), List.of("http://d/1")),
                edits("{\"trackerAdd\":[\" http://d/1 \",\"http://a/1\",\"\"]}").apply(TIERS, SHOWN));
    }

    @Test
    void ids_are_places_in_the_list_shown_and_an_emptied_tier_goes() throws Exception {
        assertEquals(List.of(List.of("http://b/1")),
                edits("{\"trackerRemove\":[1,2]}").apply(TIERS, SHOWN));
        assertEquals(List.of(List.of("http://a/1", "http://x/2"), List.of("udp://c:1")),
                edits("{\"tracker_replace\":[0,\"http://x/2\"]}").apply(TIERS, SHOWN));
        RpcException unknown = assertThrows(RpcException.class,
                () -> edits("{\"trackerRemove\":[3]}").apply(TIERS, SHOWN));
        assertEquals("no tracker with id 3 (trackerStats lists 3)", unknown.getMessage());
    }

    @Test
    void wrong_forms_are_refused_naming_the_argument() {
        for (String bad : List.of("{\"trackerReplace\":[0]}", "{\"trackerReplace\":[\"0\",\"http://x/\"]}",
                "{\"trackerRemove\":[\"http://a/1\"]}", "{\"trackerAdd\":\"http://a/1\"}",
                "{\"trackerList\":\"http://a/1\",\"trackerAdd\":[\"http://b/\"]}")) {
            assertThrows(RpcException.class, () -> edits(bad), bad);
        }
    }

    @Test
    void tracker_list_is_a_url_a_line_tiers_apart_by_a_blank_line() throws Exception {
        String text = "http://a/1\nhttp://b/1\n\nudp://c:1\n";
        assertEquals(text, TrackerEdits.formatList(TIERS));
        assertEquals(TIERS, TrackerEdits.parseList(text));
        assertEquals(TIERS, edits("{\"trackerList\":\"\\r\\n http://a/1\\r\\nhttp://b/1\\n\\n\\n udp://c:1 \"}")
                .apply(List.of(), List.of()));
        assertEquals(List.of(), edits("{\"trackerList\":\"\"}").apply(TIERS, SHOWN));
        assertFalse(edits("{\"trackerAdd\":[]}").any());
    }
}
