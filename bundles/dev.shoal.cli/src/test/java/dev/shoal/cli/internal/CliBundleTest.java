package dev.shoal.cli.internal;

import org.junit.jupiter.api.Test;

import dev.shoal.test.support.EmbeddedSupport;

/** The bundle bnd made: the support packages it uses embedded privately, none imported. */
class CliBundleTest {

    @Test
    void theSupportPackagesAreEmbeddedPrivately() throws Exception {
        EmbeddedSupport.assertEmbedded(ShoalCommandLine.class, "dev.shoal.support.http", "dev.shoal.support.text",
                "dev.shoal.support.torrent");
    }
}
