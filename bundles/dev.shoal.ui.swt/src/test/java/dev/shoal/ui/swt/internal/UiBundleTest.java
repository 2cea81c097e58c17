package dev.shoal.ui.swt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.test.support.EmbeddedSupport;
import org.junit.jupiter.api.Test;

/** The bundle bnd made: the support packages it uses embedded privately, none imported. */
class UiBundleTest {

    /**
     * SCR reads this header with Bundle.findEntries, which also searches attached fragments: so the
     * test-only fragment dev.shoal.ui.swt.driver brings its components (the ui: commands) by adding
     * their files, and without it the window's own are all there is.
     */
    @Test
    void componentsAreEveryDescriptionUnderOsgiInfAttachedFragmentsIncluded() throws Exception {
        assertEquals("OSGI-INF/*.xml", EmbeddedSupport.manifest(DesktopComponent.class).getValue("Service-Component"));
    }

    @Test
    void theSupportPackagesAreEmbeddedPrivately() throws Exception {
        EmbeddedSupport.assertEmbedded(DesktopComponent.class, "dev.shoal.support.config", "dev.shoal.support.http",
                "dev.shoal.support.net",
                "dev.shoal.support.text", "dev.shoal.support.torrent");
    }
}
