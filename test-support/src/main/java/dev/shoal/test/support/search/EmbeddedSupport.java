package dev.shoal.test.support.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * Checks, in a provider's own tests, the manifest bnd wrote for it (bnd-process runs before the
 * tests, into target/classes): the support package is inside the bundle and not imported, and the
 * JDK packages it uses are imported from the framework.
 */
public final class EmbeddedSupport {

    private EmbeddedSupport() {
    }

    /** @param component a class of the provider bundle under test */
    public static void assertEmbeddedIn(Class<?> component) throws IOException, URISyntaxException {
        Path classes = Path.of(component.getProtectionDomain().getCodeSource().getLocation().toURI());
        Attributes manifest;
        try (InputStream in = Files.newInputStream(classes.resolve("META-INF/MANIFEST.MF"))) {
            manifest = new Manifest(in).getMainAttributes();
        }
        String imports = manifest.getValue("Import-Package").replaceAll("\\s", "");
        String privates = manifest.getValue("Private-Package");
        assertFalse(imports.contains("dev.shoal.search.support"), imports);
        assertTrue(privates.contains("dev.shoal.search.support"), privates);
        assertFalse(manifest.getValue("Export-Package") != null, "a provider exports nothing");
        assertTrue(Files.isRegularFile(classes.resolve("dev/shoal/search/support/HttpFetcher.class")));
        for (String jdk : new String[] {"java.net.http", "javax.xml.stream", "dev.shoal.search.api;version=\"[1.0,2)\""}) {
            assertTrue((imports + ",").contains(jdk + ","), jdk + " not imported: " + imports);
        }
    }
}
