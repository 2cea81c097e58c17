package dev.shoal.cli.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.jar.Attributes;
import org.junit.jupiter.api.Test;

import dev.shoal.test.support.EmbeddedSupport;

/** The bundle bnd made: the support packages and the creation code it uses embedded privately, none imported. */
class CliBundleTest {

    @Test
    void theSupportPackagesAreEmbeddedPrivately() throws Exception {
        EmbeddedSupport.assertEmbedded(ShoalCommandLine.class, "dev.shoal.support.http", "dev.shoal.support.text",
                "dev.shoal.support.torrent");
    }

    /** {@code shoal create} hashes with its own copy: nothing ties the command line to dev.shoal.create. */
    @Test
    void theCreationCodeIsEmbeddedPrivately() throws Exception {
        Attributes manifest = EmbeddedSupport.manifest(ShoalCommandLine.class);
        String imports = manifest.getValue("Import-Package").replaceAll("\\s", "");
        assertFalse(imports.contains("dev.shoal.create"), "dev.shoal.create is imported: " + imports);
        String privates = manifest.getValue("Private-Package").replaceAll("\\s", "");
        assertTrue(("," + privates + ",").contains(",dev.shoal.create.standalone,"), "not embedded: " + privates);
        assertFalse(privates.contains("dev.shoal.create.internal"), "the service's component is embedded: " + privates);
        assertFalse(manifest.getValue("Service-Component").contains("TorrentCreator"),
                "the cli registers a creator: " + manifest.getValue("Service-Component"));
    }
}
