package dev.shoal.test.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Checks, in a bundle's own tests, the manifest bnd wrote for it (bnd-process runs before the
 * tests, into target/classes): the {@code dev.shoal.support} packages the bundle uses are copied
 * into it and private, and none is imported or exported, so no bundle can come to depend on
 * another's copy and each updates alone.
 */
public final class EmbeddedSupport {

    private static final String SUPPORT = "dev.shoal.support";

    private EmbeddedSupport() {
    }

    /**
     * @param component a class of the bundle under test
     * @param packages  exactly the support packages the bundle embeds, e.g. "dev.shoal.support.http"
     */
    public static void assertEmbedded(Class<?> component, String... packages) throws IOException, URISyntaxException {
        Path classes = classes(component);
        Attributes manifest = manifest(component);
        String imports = clauses(manifest, "Import-Package");
        assertFalse(imports.contains(SUPPORT), "a support package is imported: " + imports);
        assertFalse(clauses(manifest, "Export-Package").contains(SUPPORT), "a support package is exported");
        List<String> privates = Arrays.asList(clauses(manifest, "Private-Package").split(","));
        List<String> embedded = privates.stream().filter(p -> p.startsWith(SUPPORT)).sorted().toList();
        assertEquals(Stream.of(packages).sorted().toList(), embedded, "the support packages in the bundle");
        for (String p : packages) {
            assertTrue(hasClasses(classes.resolve(p.replace('.', '/'))), p + " listed but no class of it is in " + classes);
        }
    }

    /** Asserts that the bundle imports each of these clauses as written ({@code name;version="[1.0,2)"}). */
    public static void assertImports(Class<?> component, String... imports) throws IOException, URISyntaxException {
        String all = clauses(manifest(component), "Import-Package");
        for (String expected : imports) {
            assertTrue((all + ",").contains(expected + ","), expected + " not imported: " + all);
        }
    }

    /** The main attributes of the manifest bnd wrote for the bundle {@code component} is in. */
    public static Attributes manifest(Class<?> component) throws IOException, URISyntaxException {
        try (InputStream in = Files.newInputStream(classes(component).resolve("META-INF/MANIFEST.MF"))) {
            return new Manifest(in).getMainAttributes();
        }
    }

    private static Path classes(Class<?> component) throws URISyntaxException {
        return Path.of(component.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** A header's value without the blanks manifest lines wrap with; "" when absent. */
    private static String clauses(Attributes manifest, String header) {
        String value = manifest.getValue(header);
        return value == null ? "" : value.replaceAll("\\s", "");
    }

    private static boolean hasClasses(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(f -> f.toString().endsWith(".class"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
