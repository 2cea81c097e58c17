package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each platform's jar carries exactly its own SWT fragment (Felix ignores Eclipse-PlatformFilter, so a
 * second fragment would be attached at random), none of the test-only {@code ui:} driver, and is started
 * the same way as shoal.jar.
 */
class PlatformJarsIT {

    /** What the bnd launcher inside an exported jar reads: the bundles it installs, in order. */
    private static final String LAUNCHER_PROPERTIES = "launcher.properties";
    private static final Pattern UI_SCOPE = Pattern.compile("name=\"osgi.command.scope\"[^>]*value=\"ui\"");

    @ParameterizedTest(name = "{0} carries {1}")
    @CsvSource({
        "shoal.jar,                org.eclipse.swt.gtk.linux.x86_64,     linux,  x86_64",
        "shoal-linux-aarch64.jar,  org.eclipse.swt.gtk.linux.aarch64,    linux,  aarch64",
        "shoal-windows-x86_64.jar, org.eclipse.swt.win32.win32.x86_64,   win32,  x86_64",
        "shoal-macos-x86_64.jar,   org.eclipse.swt.cocoa.macosx.x86_64,  macosx, x86_64",
        "shoal-macos-aarch64.jar,  org.eclipse.swt.cocoa.macosx.aarch64, macosx, aarch64",
    })
    void carriesItsOwnSwtFragmentOnly(String jarName, String fragment, String os, String arch) throws IOException {
        Path jar = Shoal.jar().resolveSibling(jarName);
        assertTrue(Files.isRegularFile(jar), jar + " was not built");
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> bundles = launchBundles(file);
            List<Bundle> fragments = new ArrayList<>();
            boolean hostListed = false;
            List<String> uiCommands = new ArrayList<>();
            for (String path : bundles) {
                JarEntry entry = file.getJarEntry(path);
                assertNotNull(entry, path + " is listed in launcher.properties but not inside " + jarName);
                Bundle bundle = Bundle.read(file, entry);
                uiCommands.addAll(uiCommandComponents(file, entry));
                if (bundle.fragmentHost().startsWith("org.eclipse.swt;") || bundle.fragmentHost().equals("org.eclipse.swt")) {
                    fragments.add(bundle);
                }
                hostListed |= bundle.symbolicName().equals("org.eclipse.swt");
            }
            Attributes main = file.getManifest().getMainAttributes();
            boolean host = hostListed;
            assertAll(jarName + " launch.bundles=" + bundles,
                    () -> assertEquals(List.of(fragment), fragments.stream().map(Bundle::symbolicName).toList(),
                            "the SWT fragments listed"),
                    () -> assertTrue(fragments.isEmpty()
                                    || fragments.get(0).platformFilter().contains("osgi.os=" + os)
                                    && fragments.get(0).platformFilter().contains("osgi.arch=" + arch),
                            "the fragment is built for " + os + " " + arch + ": " + fragments),
                    () -> assertTrue(host, "the SWT host bundle org.eclipse.swt is listed"),
                    () -> assertTrue(bundles.stream().anyMatch(b -> b.startsWith("jar/dev.shoal.ui.swt-")),
                            "the desktop bundle is listed"),
                    () -> assertEquals(List.of(), uiCommands,
                            "components of the ui: scope (the test-only driver, dev.shoal.ui.swt.driver)"),
                    () -> assertEquals(List.of(), file.stream().map(JarEntry::getName)
                            .filter(name -> name.contains("dev.shoal.ui.swt.driver")).toList(),
                            "the test-only ui driver's jar"),
                    () -> assertEquals("dev.shoal.boot.Main", main.getValue(Attributes.Name.MAIN_CLASS), "Main-Class"),
                    () -> assertNotNull(file.getJarEntry("dev/shoal/boot/Main.class"), "the boot classes are inside"),
                    () -> assertNotNull(file.getJarEntry("dev/shoal/boot/shoal.svg"), "the desktop icon is inside"),
                    () -> assertNotNull(anyClassUnder(file, "dev/shoal/remote/protocol/"),
                            "the remote shell's client is inside"));
        }
    }

    private static List<String> launchBundles(JarFile file) throws IOException {
        JarEntry entry = file.getJarEntry(LAUNCHER_PROPERTIES);
        assertNotNull(entry, LAUNCHER_PROPERTIES + " is missing");
        Properties properties = new Properties();
        try (InputStream in = file.getInputStream(entry)) {
            properties.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)));
        }
        String list = properties.getProperty("launch.bundles");
        assertNotNull(list, "launch.bundles is missing from " + LAUNCHER_PROPERTIES);
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * The component descriptions in one embedded bundle that register {@code ui:} commands: those are
     * test instruments (the fragment dev.shoal.ui.swt.driver), never part of what users get.
     */
    private static List<String> uiCommandComponents(JarFile outer, JarEntry bundle) throws IOException {
        List<String> found = new ArrayList<>();
        try (JarInputStream in = new JarInputStream(outer.getInputStream(bundle))) {
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                if (entry.getName().startsWith("OSGI-INF/") && entry.getName().endsWith(".xml")
                        && UI_SCOPE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8)).find()) {
                    found.add(bundle.getName() + "!/" + entry.getName());
                }
            }
        }
        return found;
    }

    private static JarEntry anyClassUnder(JarFile file, String prefix) {
        return file.stream().filter(e -> e.getName().startsWith(prefix) && e.getName().endsWith(".class"))
                .findFirst().orElse(null);
    }

    /** The headers of one bundle embedded in the exported jar. */
    private record Bundle(String symbolicName, String fragmentHost, String platformFilter) {

        static Bundle read(JarFile outer, JarEntry entry) throws IOException {
            try (JarInputStream in = new JarInputStream(outer.getInputStream(entry))) {
                Manifest manifest = in.getManifest();
                assertNotNull(manifest, entry.getName() + " has no manifest");
                Attributes attributes = manifest.getMainAttributes();
                String bsn = attributes.getValue("Bundle-SymbolicName");
                assertNotNull(bsn, entry.getName() + " has no Bundle-SymbolicName");
                return new Bundle(bsn.split(";")[0].trim(), orEmpty(attributes.getValue("Fragment-Host")),
                        orEmpty(attributes.getValue("Eclipse-PlatformFilter")).replace(" ", ""));
            }
        }

        private static String orEmpty(String value) {
            return value == null ? "" : value.trim();
        }
    }
}
