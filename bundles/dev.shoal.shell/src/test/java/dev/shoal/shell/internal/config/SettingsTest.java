package dev.shoal.shell.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.shell.internal.args.ShellException;
import dev.shoal.shell.internal.text.Table;
import dev.shoal.test.support.MetatypeDescriptions;
import java.util.Hashtable;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * Against real ObjectClassDefinitions, read from a description as bnd writes them.
 */
@Timeout(60)
class SettingsTest {

    @RegisterExtension
    static final MetatypeDescriptions DESCRIPTIONS = new MetatypeDescriptions();

    private static final String PID = "dev.shoal.engine";
    private static final String METATYPE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <metatype:MetaData xmlns:metatype="http://www.osgi.org/xmlns/metatype/v1.4.0">
              <OCD id="dev.shoal.engine" name="Shoal engine" description="Torrents' downloading and seeding.">
                <AD id="downloadLimitKiB" type="Long" name="Download limit (KiB/s)" description="Over every torrent together; 0 for none." min="0" default="0"/>
                <AD id="resumeDirectory" type="String" name="Resume directory" description="" default=""/>
                <AD id="verify" type="Boolean" name="Verify" default="true"/>
                <AD id="peers" type="Integer" name="Peers" min="1" max="500" default="50"/>
                <AD id="trackers" type="String" cardinality="5" name="Trackers"/>
              </OCD>
              <Designate pid="dev.shoal.engine"><Object ocdref="dev.shoal.engine"/></Designate>
            </metatype:MetaData>
            """;

    private ObjectClassDefinition ocd;

    @BeforeEach
    void read() throws Exception {
        ocd = DESCRIPTIONS.ocd(METATYPE, PID);
    }

    @Test
    void rowsShowTheValueSetOrADashAndTheDefault() {
        Hashtable<String, Object> stored = new Hashtable<>();
        stored.put("downloadLimitKiB", 500L);
        stored.put("trackers", new String[] {"http://a", "http://b"});
        Table.Builder table = Settings.table();
        Settings.addRows(table, PID, ocd, stored);
        assertEquals(List.of(
                "PID               ATTRIBUTE         VALUE              DEFAULT  DESCRIPTION",
                "dev.shoal.engine  downloadLimitKiB  500                0        Download limit (KiB/s): Over every torrent together; 0 for none.",
                "dev.shoal.engine  resumeDirectory   -                           Resume directory",
                "dev.shoal.engine  verify            -                  true     Verify",
                "dev.shoal.engine  peers             -                  50       Peers",
                "dev.shoal.engine  trackers          http://a,http://b           Trackers"), table.build().lines());
    }

    @Test
    void aChangeKeepsTheOtherPropertiesAndTypesTheValue() {
        Hashtable<String, Object> stored = new Hashtable<>();
        stored.put("service.pid", PID);
        stored.put("resumeDirectory", "/var/lib/shoal");
        Settings.Change change = Settings.change(PID, ocd, stored, "downloadLimitKiB", "500");
        assertEquals(500L, change.properties().get("downloadLimitKiB"));
        assertEquals("/var/lib/shoal", change.properties().get("resumeDirectory"));
        assertEquals(PID, change.properties().get("service.pid"));
        assertEquals("dev.shoal.engine downloadLimitKiB: default 0 -> 500", change.summary());

        stored.put("downloadLimitKiB", 500L);
        assertEquals("dev.shoal.engine downloadLimitKiB: 500 -> 20", Settings.change(PID, ocd, stored,
                "downloadLimitKiB", "20").summary());
        assertEquals(Boolean.FALSE, Settings.change(PID, ocd, null, "verify", "false").properties().get("verify"));
        assertEquals(7, Settings.change(PID, ocd, null, "peers", "7").properties().get("peers"));
    }

    @Test
    void aPasswordIsNeverShown() throws Exception {
        ObjectClassDefinition rpc = DESCRIPTIONS.ocd("""
                <?xml version="1.0" encoding="UTF-8"?>
                <metatype:MetaData xmlns:metatype="http://www.osgi.org/xmlns/metatype/v1.4.0">
                  <OCD id="dev.shoal.rpc" name="RPC">
                    <AD id="user" type="String" name="User" default=""/>
                    <AD id=".password" type="Password" name="Password" default=""/>
                  </OCD>
                  <Designate pid="dev.shoal.rpc"><Object ocdref="dev.shoal.rpc"/></Designate>
                </metatype:MetaData>
                """, "dev.shoal.rpc");
        Hashtable<String, Object> stored = new Hashtable<>();
        stored.put("user", "alice");
        stored.put(".password", "hunter2");
        Table.Builder table = Settings.table();
        Settings.addRows(table, "dev.shoal.rpc", rpc, stored);
        String shown = table.build().toString();
        assertFalse(shown.contains("hunter2"), shown);
        assertTrue(shown.contains("(set, hidden)"), shown);
        Settings.Change change = Settings.change("dev.shoal.rpc", rpc, stored, ".password", "sesame");
        assertEquals("sesame", change.properties().get(".password"));
        assertEquals("dev.shoal.rpc .password: (set, hidden) -> (set, hidden)", change.summary());
    }

    @Test
    void theMetatypeRefusesWhatDoesNotFit() {
        assertEquals("dev.shoal.engine downloadLimitKiB: less than minimum (\"-1\")", problem("downloadLimitKiB", "-1"));
        assertEquals("dev.shoal.engine peers: greater than maximum (\"501\")", problem("peers", "501"));
        assertEquals("dev.shoal.engine downloadLimitKiB: \"lots\" is not a whole number in range",
                problem("downloadLimitKiB", "lots"));
        assertEquals("dev.shoal.engine verify: \"yes\" is not true or false", problem("verify", "yes"));
        assertEquals("dev.shoal.engine has no attribute speed (it has downloadLimitKiB, resumeDirectory, verify, peers,"
                + " trackers)", problem("speed", "1"));
        assertEquals("dev.shoal.engine trackers holds several values; the shell sets single values only",
                problem("trackers", "http://a"));
    }

    private String problem(String attribute, String value) {
        return assertThrows(ShellException.class, () -> Settings.change(PID, ocd, null, attribute, value)).getMessage();
    }
}
