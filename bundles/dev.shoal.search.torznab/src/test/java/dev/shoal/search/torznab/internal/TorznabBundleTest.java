package dev.shoal.search.torznab.internal;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.shoal.test.support.EmbeddedSupport;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bundle bnd made: the support packages it uses embedded, not imported; the JDK's and the API imported. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TorznabBundleTest {

    @Test
    void theSupportPackagesAreEmbeddedPrivately() throws Exception {
        EmbeddedSupport.assertEmbedded(TorznabProvider.class, "dev.shoal.support.feed", "dev.shoal.support.http",
                "dev.shoal.support.search", "dev.shoal.support.text");
        EmbeddedSupport.assertImports(TorznabProvider.class, "java.net.http", "javax.xml.stream",
                "dev.shoal.search.api;version=\"[1.0,2)\"");
        assertNull(EmbeddedSupport.manifest(TorznabProvider.class).getValue("Export-Package"), "a provider exports nothing");
    }
}
