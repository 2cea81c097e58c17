package dev.shoal.ui.swt.internal.adding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrackerTiersTest {

    @Test
    void blankLinesSeparateTiers() {
        String text = "\n  http://a.example/announce\r\nudp://b.example:6969\n\n\n"
                + "https://c.example/announce\nhttp://a.example/announce\nhttp://a.example/announce\n";
        assertEquals(List.of(List.of("http://a.example/announce", "udp://b.example:6969"),
                List.of("https://c.example/announce", "http://a.example/announce")), TrackerTiers.parse(text));
        assertEquals(List.of(), TrackerTiers.parse(" \n\n"));
    }

    @Test
    void aLineThatIsNoTrackerIsNamed() {
        assertEquals("not a tracker URL: \"ftp://x.example/a\" (expected http, https, udp, ws or wss with a host)",
                assertThrows(IllegalArgumentException.class,
                        () -> TrackerTiers.parse("http://a.example/\nftp://x.example/a")).getMessage());
        assertEquals("not a tracker URL: \"tracker.example\" (expected http, https, udp, ws or wss with a host)",
                assertThrows(IllegalArgumentException.class, () -> TrackerTiers.parse("tracker.example")).getMessage());
        assertEquals("not a tracker URL: \"http://a b/\": Illegal character in authority",
                assertThrows(IllegalArgumentException.class, () -> TrackerTiers.parse("http://a b/")).getMessage());
    }
}
