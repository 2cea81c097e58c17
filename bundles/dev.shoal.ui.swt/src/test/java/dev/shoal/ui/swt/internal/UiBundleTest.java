package dev.shoal.ui.swt.internal;

import dev.shoal.test.support.EmbeddedSupport;
import org.junit.jupiter.api.Test;

/** The bundle bnd made: the support packages it uses embedded privately, none imported. */
class UiBundleTest {

    @Test
    void theSupportPackagesAreEmbeddedPrivately() throws Exception {
        EmbeddedSupport.assertEmbedded(DesktopComponent.class, "dev.shoal.support.config", "dev.shoal.support.http",
                "dev.shoal.support.text", "dev.shoal.support.torrent");
    }
}
