package dev.shoal.cli.internal;

import picocli.CommandLine;

/** What {@code shoal --version} prints: Shoal's version and the Java running it. */
record VersionProvider(String version) implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "shoal " + version,
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
