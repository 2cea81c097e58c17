package dev.shoal.search.feed.internal;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.shoal.test.support.EmbeddedSupport;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bundle bnd made: the support packages it uses embedded, not imported; the JDK's and the API imported. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FeedBundleTest {

    @Test
    void theSupportPackagesAreEmbeddedPrivately() throws Exception {
        EmbeddedSupport.assertEmbedded(FeedProvider.class, "dev.shoal.support.feed", "dev.shoal.support.http",
                "dev.shoal.support.search", "dev.shoal.support.text");
        EmbeddedSupport.assertImports(FeedProvider.class, "java.net.http", "javax.xml.stream",
                "dev.shoal.search.api;version=\"[1.0,2)\"");
        assertNull(EmbeddedSupport.manifest(FeedProvider.class).getValue("Export-Package"), "a provider exports nothing");
    }
}
