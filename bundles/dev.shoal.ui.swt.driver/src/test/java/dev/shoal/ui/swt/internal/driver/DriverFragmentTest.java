package dev.shoal.ui.swt.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.test.support.EmbeddedSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import org.junit.jupiter.api.Test;

/**
 * The manifest bnd wrote for the driver: a fragment of the desktop bundle that imports nothing of it
 * (its packages are the fragment's own class space) and whose components SCR finds through the
 * host's {@code Service-Component: OSGI-INF/*.xml}.
 */
class DriverFragmentTest {

    @Test
    void isAFragmentOfTheDesktopBundleImportingNothingOfIt() throws Exception {
        Attributes manifest = EmbeddedSupport.manifest(UiCommands.class);
        assertEquals("dev.shoal.ui.swt", manifest.getValue("Fragment-Host"));
        String imports = manifest.getValue("Import-Package").replaceAll("\\s", "");
        assertFalse(imports.contains("dev.shoal.ui.swt"), "the host's packages are imported: " + imports);
        // A fragment's own header is never read; left in, it would suggest otherwise.
        assertNull(manifest.getValue("Service-Component"));
    }

    @Test
    void itsComponentsLieWhereTheHostsHeaderLooks() throws Exception {
        Path classes = Path.of(UiCommands.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        for (Class<?> component : new Class<?>[] {UiCommands.class, SearchUiCommands.class, MenuUiCommands.class,
            LatencyProbe.class}) {
            Path xml = classes.resolve("OSGI-INF/" + component.getName() + ".xml");
            assertTrue(Files.isRegularFile(xml), xml + " is missing");
        }
    }
}
