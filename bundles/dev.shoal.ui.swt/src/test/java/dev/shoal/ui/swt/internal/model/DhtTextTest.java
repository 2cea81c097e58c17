package dev.shoal.ui.swt.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.dht.api.DhtStatus;
import org.junit.jupiter.api.Test;

class DhtTextTest {

    private static final String ID = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void countsTheGoodNodesOfBothFamiliesAndSaysTheHealth() {
        DhtStatus status = new DhtStatus(ID, 300, 25, 12, 3, 1500, 2, 7, DhtStatus.GOOD);
        assertEquals("DHT: 312 nodes (good)", DhtText.line(status));
        assertEquals(String.join("\n", "Node id " + ID, "IPv4 nodes: 300 good, 25 dubious",
                "IPv6 nodes: 12 good, 3 dubious", "Incoming queries: 1500", "Lookups running: 2",
                "Torrents announced: 7"), DhtText.details(status));
    }

    @Test
    void oneNodeIsSingularAndABrokenNodeSaysSo() {
        assertEquals("DHT: 1 node (broken)",
                DhtText.line(new DhtStatus(ID, 1, 0, 0, 0, 0, 0, 0, DhtStatus.BROKEN)));
        assertEquals("DHT: 0 nodes (broken)",
                DhtText.line(new DhtStatus(ID, 0, 5, 0, 0, 0, 1, 0, DhtStatus.BROKEN)));
    }

    @Test
    void offWhenDisabledOrAbsent() {
        assertEquals("DHT: off", DhtText.line(DhtStatus.OFF));
        assertEquals("The DHT is off (Preferences, Shoal DHT) or not running.", DhtText.details(DhtStatus.OFF));
    }
}
