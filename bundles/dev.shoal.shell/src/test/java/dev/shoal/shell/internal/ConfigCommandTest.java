package dev.shoal.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.shell.internal.args.ShellException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.felix.framework.FrameworkFactory;
import org.apache.felix.metatype.MetaDataReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.MetaTypeService;

/**
 * {@code shoal:config} in a Felix framework with the real Configuration Admin, Metatype and Log
 * bundles, and a bundle describing two Shoal PIDs and one of someone else.
 */
@Timeout(60)
class ConfigCommandTest {

    private static final String METATYPE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <metatype:MetaData xmlns:metatype="http://www.osgi.org/xmlns/metatype/v1.4.0">
              <OCD id="dev.shoal.engine" name="Shoal engine">
                <AD id="downloadLimitKiB" type="Long" name="Download limit (KiB/s)" description="0 for none." min="0" default="0"/>
                <AD id="resumeDirectory" type="String" name="Resume directory" default=""/>
              </OCD>
              <OCD id="dev.shoal.peer" name="Shoal peers">
                <AD id="port" type="Integer" name="Port" min="0" max="65535" default="6881"/>
              </OCD>
              <OCD id="org.example.other" name="Other">
                <AD id="x" type="String" name="X"/>
              </OCD>
              <Designate pid="dev.shoal.engine"><Object ocdref="dev.shoal.engine"/></Designate>
              <Designate pid="dev.shoal.peer"><Object ocdref="dev.shoal.peer"/></Designate>
              <Designate pid="org.example.other"><Object ocdref="org.example.other"/></Designate>
            </metatype:MetaData>
            """;

    @TempDir
    Path dir;

    private Framework framework;
    private ConfigurationAdmin configAdmin;
    private GogoRig gogo;

    @BeforeEach
    void start() throws Exception {
        framework = new FrameworkFactory().newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, dir.resolve("framework").toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                // The test sees these APIs from its class path; the bundles must share them.
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA,
                "org.osgi.service.cm;version=1.6.0,org.osgi.service.metatype;version=1.4.0",
                "felix.cm.dir", dir.resolve("config").toString()));
        framework.start();
        BundleContext context = framework.getBundleContext();
        // Each bundle's jar found by a class only it holds (the OSGi API classes are in several jars).
        for (String inBundle : List.of("org.apache.felix.log.Activator", "org.apache.felix.cm.PersistenceManager",
                MetaDataReader.class.getName())) {
            String jar = Class.forName(inBundle).getProtectionDomain().getCodeSource().getLocation().toString();
            context.installBundle(jar).start();
        }
        context.installBundle(settingsBundle().toUri().toString()).start();
        configAdmin = context.getService(context.getServiceReference(ConfigurationAdmin.class));
        ConfigCommand command = new ConfigCommand(context, configAdmin);
        command.metatype = context.getService(context.getServiceReference(MetaTypeService.class));
        gogo = new GogoRig(dir).register(command);
    }

    @AfterEach
    void stop() throws Exception {
        if (gogo != null) {
            gogo.close();
        }
        framework.stop();
        framework.waitForStop(10_000);
    }

    private Path settingsBundle() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, "test.settings");
        Path jar = dir.resolve("settings.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("OSGI-INF/metatype/settings.xml"));
            out.write(METATYPE.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void listsEveryShoalAttributeWithItsValueAndDefault() throws Exception {
        assertEquals(String.join("\n",
                "PID               ATTRIBUTE         VALUE  DEFAULT  DESCRIPTION",
                "dev.shoal.engine  downloadLimitKiB  -      0        Download limit (KiB/s): 0 for none.",
                "dev.shoal.engine  resumeDirectory   -               Resume directory",
                "dev.shoal.peer    port              -      6881     Port"), gogo.run("shoal:config"));
        assertEquals(String.join("\n",
                "PID             ATTRIBUTE  VALUE  DEFAULT  DESCRIPTION",
                "dev.shoal.peer  port       -      6881     Port"), gogo.run("shoal:config dev.shoal.peer"));
        assertEquals(null, configAdmin.listConfigurations(null), "looking creates no configuration");
    }

    @Test
    void setsOneAttributeKeepingTheOthers() throws Exception {
        configAdmin.getConfiguration("dev.shoal.engine", "?").update(new java.util.Hashtable<>(
                Map.of("resumeDirectory", "/var/lib/shoal")));
        assertEquals("dev.shoal.engine downloadLimitKiB: default 0 -> 500",
                gogo.run("shoal:config dev.shoal.engine downloadLimitKiB 500"));
        Dictionary<String, Object> stored = configAdmin.getConfiguration("dev.shoal.engine", "?").getProperties();
        assertEquals(500L, stored.get("downloadLimitKiB"));
        assertEquals("/var/lib/shoal", stored.get("resumeDirectory"));
        assertEquals("dev.shoal.engine downloadLimitKiB: 500 -> 0",
                gogo.run("shoal:config dev.shoal.engine downloadLimitKiB 0"));
        assertTrue(gogo.run("shoal:config dev.shoal.engine").contains("downloadLimitKiB  0 "));
    }

    @Test
    void refusesWhatTheMetatypeRefuses() {
        assertEquals("dev.shoal.peer port: greater than maximum (\"70000\")",
                message("shoal:config dev.shoal.peer port 70000"));
        assertEquals("no settings org.example.other (there are dev.shoal.engine, dev.shoal.peer)",
                message("shoal:config org.example.other x y"));
        assertEquals("dev.shoal.peer has no attribute prot (it has port)", message("shoal:config dev.shoal.peer prot 1"));
        assertEquals("a value is missing; usage: shoal:config [<pid> [<attribute> <value>]]",
                message("shoal:config dev.shoal.peer port"));
    }

    private String message(String line) {
        return assertThrows(ShellException.class, () -> gogo.run(line)).getMessage();
    }
}
