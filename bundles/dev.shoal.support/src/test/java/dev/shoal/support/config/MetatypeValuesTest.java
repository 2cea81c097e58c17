package dev.shoal.support.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.test.support.MetatypeDescriptions;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Vector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * Against real AttributeDefinitions, read from a description as bnd writes them.
 */
@Timeout(60)
class MetatypeValuesTest {

    @RegisterExtension
    static final MetatypeDescriptions DESCRIPTIONS = new MetatypeDescriptions();

    private static final String PID = "dev.shoal.ui.swt";
    private static final String METATYPE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <metatype:MetaData xmlns:metatype="http://www.osgi.org/xmlns/metatype/v1.4.0">
              <OCD id="dev.shoal.ui.swt" name="Shoal desktop" description="The window.">
                <AD id="refreshMillis" type="Integer" name="Refresh (ms)" min="250" max="10000" default="1000"/>
                <AD id="limitKiB" type="Long" name="Limit" min="0" default="0"/>
                <AD id="closeToTray" type="Boolean" name="Close to tray" default="true"/>
                <AD id="ratio" type="Double" name="Ratio" default="1.5"/>
                <AD id="downloadDirectory" type="String" name="Download directory" default=""/>
                <AD id="name" type="String" name="Name" default="shoal"/>
                <AD id="mode" type="String" name="Mode" default="fast">
                  <Option label="Fast" value="fast"/>
                  <Option label="Careful" value="careful"/>
                </AD>
                <AD id="trackers" type="String" cardinality="2" name="Trackers"/>
                <AD id="ports" type="Integer" cardinality="-5" name="Ports" min="1" max="65535"/>
              </OCD>
              <Designate pid="dev.shoal.ui.swt"><Object ocdref="dev.shoal.ui.swt"/></Designate>
            </metatype:MetaData>
            """;

    private ObjectClassDefinition ocd;

    @BeforeEach
    void read() throws Exception {
        ocd = DESCRIPTIONS.ocd(METATYPE, PID);
    }

    private AttributeDefinition ad(String id) {
        return Arrays.stream(ocd.getAttributeDefinitions(ObjectClassDefinition.ALL)).filter(a -> a.getID().equals(id))
                .findFirst().orElseThrow();
    }

    @Test
    void aFieldStartsWithTheStoredValueElseTheDefault() {
        Hashtable<String, Object> stored = new Hashtable<>();
        stored.put("refreshMillis", 500);
        stored.put("trackers", new String[] {"http://a", "http://b"});
        assertEquals("500", MetatypeValues.initial(ad("refreshMillis"), stored));
        assertEquals("http://a,http://b", MetatypeValues.initial(ad("trackers"), stored));
        assertEquals("true", MetatypeValues.initial(ad("closeToTray"), stored));
        assertEquals("", MetatypeValues.initial(ad("downloadDirectory"), null));
        assertEquals("", MetatypeValues.initial(ad("ports"), null));
    }

    @Test
    void valuesAreTypedAsTheMetatypeSays() throws Exception {
        assertEquals(2500, MetatypeValues.parse(ad("refreshMillis"), " 2500 "));
        assertEquals(0L, MetatypeValues.parse(ad("limitKiB"), "0"));
        assertEquals(Boolean.FALSE, MetatypeValues.parse(ad("closeToTray"), "false"));
        assertEquals(2.0, MetatypeValues.parse(ad("ratio"), "2"));
        assertEquals("careful", MetatypeValues.parse(ad("mode"), "careful"));
        assertEquals("", MetatypeValues.parse(ad("downloadDirectory"), ""));
        assertEquals("/srv/torrents", MetatypeValues.parse(ad("downloadDirectory"), "/srv/torrents"));
        assertArrayEquals(new String[] {"http://a", "http://b"},
                (String[]) MetatypeValues.parse(ad("trackers"), "http://a, http://b,"));
        assertEquals(new Vector<>(List.of(6881, 6882)), MetatypeValues.parse(ad("ports"), "6881,6882"));
    }

    @Test
    void aBadValueSaysWhatIsWrong() {
        assertEquals("\"fast\" is not a whole number in range", problem("refreshMillis", "fast"));
        assertEquals("\"9999999999\" is not a whole number in range", problem("refreshMillis", "9999999999"));
        assertEquals("\"yes\" is not true or false", problem("closeToTray", "yes"));
        assertEquals("\"1,5\" is not a number", problem("ratio", "1,5"));
        assertEquals("at most 2 values", problem("trackers", "a,b,c"));
        // The metatype's own bounds and options, in its words, with the value it refused.
        assertEquals("less than minimum (\"100\")", problem("refreshMillis", "100"));
        assertEquals("less than minimum (\"-1\")", problem("limitKiB", " -1 "));
        assertEquals("greater than maximum (\"10001\")", problem("refreshMillis", "10001"));
        String notAnOption = problem("mode", "reckless");
        assertTrue(notAnOption.endsWith(" (\"reckless\")") && notAnOption.length() > 13, notAnOption);
        assertEquals("less than minimum (\"0\")", problem("ports", "6881,0"));
    }

    @Test
    void savingChangesOnlyTheChangedKeys() {
        Hashtable<String, Object> stored = new Hashtable<>();
        stored.put("service.pid", PID);
        stored.put("refreshMillis", 500);
        stored.put("somethingElse", "kept");
        Hashtable<String, Object> merged = MetatypeValues.merged(stored, Map.of("refreshMillis", 2000, "name", "x"));
        assertEquals(Map.of("service.pid", PID, "refreshMillis", 2000, "somethingElse", "kept", "name", "x"), merged);
        assertEquals(Map.of("name", "x"), MetatypeValues.merged(null, Map.of("name", "x")));
    }

    private String problem(String id, String text) {
        return assertThrows(InvalidValueException.class, () -> MetatypeValues.parse(ad(id), text)).getMessage();
    }
}
