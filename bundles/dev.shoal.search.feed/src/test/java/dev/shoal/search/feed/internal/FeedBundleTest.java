package dev.shoal.search.feed.internal;

import dev.shoal.test.support.search.EmbeddedSupport;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bundle bnd made: support embedded, not imported. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FeedBundleTest {

    @Test
    void theSupportPackageIsEmbeddedPrivately() throws Exception {
        EmbeddedSupport.assertEmbeddedIn(FeedProvider.class);
    }
}
