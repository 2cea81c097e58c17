package dev.shoal.search.torznab.internal;

import dev.shoal.test.support.search.ProviderBundle;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bundle bnd made: the support packages it uses embedded, not imported; the JDK's and the API imported. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TorznabBundleTest {

    @Test
    void theSupportPackagesAreEmbeddedPrivately() throws Exception {
        ProviderBundle.assertWellFormed(TorznabProvider.class);
    }
}
