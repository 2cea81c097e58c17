package dev.shoal.shell.internal;

import dev.shoal.test.support.EmbeddedSupport;
import org.junit.jupiter.api.Test;

/** The bundle bnd made: the support packages it uses embedded privately, none imported. */
class ShellBundleTest {

    @Test
    void theSupportPackagesAreEmbeddedPrivately() throws Exception {
        EmbeddedSupport.assertEmbedded(ConfigCommand.class, "dev.shoal.support.config", "dev.shoal.support.http",
                "dev.shoal.support.net",
                "dev.shoal.support.text", "dev.shoal.support.torrent");
    }
}
