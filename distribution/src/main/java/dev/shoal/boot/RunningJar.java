package dev.shoal.boot;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;

/** Where the boot classes were loaded from: shoal.jar as users run it, a class folder in a build. */
final class RunningJar {

    private RunningJar() {
    }

    static Path location() throws IOException {
        CodeSource source = RunningJar.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IOException("cannot tell where shoal's jar is");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("cannot tell where shoal's jar is: " + source.getLocation());
        }
    }
}
