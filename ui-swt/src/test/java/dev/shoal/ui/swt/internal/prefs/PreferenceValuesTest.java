package dev.shoal.ui.swt.internal.prefs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Vector;
import org.apache.felix.framework.FrameworkFactory;
import org.apache.felix.metatype.DefaultMetaTypeProvider;
import org.apache.felix.metatype.MetaDataReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * Against real AttributeDefinitions: Felix Metatype's reader over a description as bnd writes them,
 * localized (not at all) by a running framework's system bundle.
 */
@Timeout(60)
class PreferenceValuesTest {

    @TempDir
    static Path storage;

    private static Framework framework;

    @BeforeAll
    static void startFramework() throws Exception {
        framework = new FrameworkFactory().newFramework(Map.of(Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
    }

    @AfterAll
    static void stopFramework() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

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
        var metadata = new MetaDataReader().parse(new ByteArrayInputStream(METATYPE.getBytes(StandardCharsets.UTF_8)));
        ocd = new DefaultMetaTypeProvider(framework, metadata).getObjectClassDefinition(PID, null);
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
        assertEquals("500", PreferenceValues.initial(ad("refreshMillis"), stored));
        assertEquals("http://a,http://b", PreferenceValues.initial(ad("trackers"), stored));
        assertEquals("true", PreferenceValues.initial(ad("closeToTray"), stored));
        assertEquals("", PreferenceValues.initial(ad("downloadDirectory"), null));
        assertEquals("", PreferenceValues.initial(ad("ports"), null));
    }

    @Test
    void valuesAreTypedAsTheMetatypeSays() throws Exception {
        assertEquals(2500, PreferenceValues.parse(ad("refreshMillis"), " 2500 "));
        assertEquals(0L, PreferenceValues.parse(ad("limitKiB"), "0"));
        assertEquals(Boolean.FALSE, PreferenceValues.parse(ad("closeToTray"), "false"));
        assertEquals(2.0, PreferenceValues.parse(ad("ratio"), "2"));
        assertEquals("careful", PreferenceValues.parse(ad("mode"), "careful"));
        assertEquals("", PreferenceValues.parse(ad("downloadDirectory"), ""));
        assertEquals("/srv/torrents", PreferenceValues.parse(ad("downloadDirectory"), "/srv/torrents"));
        assertArrayEquals(new String[] {"http://a", "http://b"},
                (String[]) PreferenceValues.parse(ad("trackers"), "http://a, http://b,"));
        assertEquals(new Vector<>(List.of(6881, 6882)), PreferenceValues.parse(ad("ports"), "6881,6882"));
    }

    @Test
    void aBadValueSaysWhatIsWrong() {
        assertEquals("\"fast\" is not a whole number in range", problem("refreshMillis", "fast"));
        assertEquals("\"9999999999\" is not a whole number in range", problem("refreshMillis", "9999999999"));
        assertEquals("\"yes\" is not true or false", problem("closeToTray", "yes"));
        assertEquals("\"1,5\" is not a number", problem("ratio", "1,5"));
        assertEquals("at most 2 values", problem("trackers", "a,b,c"));
        // The metatype's own bounds and options, in its words.
        assertEquals(false, problem("refreshMillis", "100").isBlank());
        assertEquals(false, problem("limitKiB", "-1").isBlank());
        assertEquals(false, problem("mode", "reckless").isBlank());
        assertEquals(false, problem("ports", "6881,0").isBlank());
    }

    @Test
    void savingChangesOnlyTheChangedKeys() {
        Hashtable<String, Object> stored = new Hashtable<>();
        stored.put("service.pid", PID);
        stored.put("refreshMillis", 500);
        stored.put("somethingElse", "kept");
        Hashtable<String, Object> merged = PreferenceValues.merged(stored, Map.of("refreshMillis", 2000, "name", "x"));
        assertEquals(Map.of("service.pid", PID, "refreshMillis", 2000, "somethingElse", "kept", "name", "x"), merged);
        assertEquals(Map.of("name", "x"), PreferenceValues.merged(null, Map.of("name", "x")));
    }

    private String problem(String id, String text) {
        return assertThrows(InvalidValue.class, () -> PreferenceValues.parse(ad(id), text)).getMessage();
    }
}
