package dev.shoal.test.support.search;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.shoal.test.support.EmbeddedSupport;
import java.io.IOException;
import java.net.URISyntaxException;

/** What every HTTP search provider's manifest must say, checked in the provider's own tests. */
public final class ProviderBundle {

    private ProviderBundle() {
    }

    /**
     * The support packages a provider uses embedded and private, none imported; the JDK's HTTP client
     * and StAX imported from the framework, the search API at its major version; nothing exported.
     *
     * @param component a class of the provider bundle under test
     */
    public static void assertWellFormed(Class<?> component) throws IOException, URISyntaxException {
        EmbeddedSupport.assertEmbedded(component, "dev.shoal.support.feed", "dev.shoal.support.http",
                "dev.shoal.support.search", "dev.shoal.support.text");
        EmbeddedSupport.assertImports(component, "java.net.http", "javax.xml.stream",
                "dev.shoal.search.api;version=\"[1.0,2)\"");
        assertNull(EmbeddedSupport.manifest(component).getValue("Export-Package"), "a provider exports nothing");
    }
}
