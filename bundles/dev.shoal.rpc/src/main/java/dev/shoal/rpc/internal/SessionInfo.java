package dev.shoal.rpc.internal;

/**
 * What the session answers beside the engine: its version line, the CSRF session id and the data
 * directory.
 *
 * @param version   Transmission's version the RPC matches, with Shoal's in parentheses: clients such as
 *                  Sonarr parse the leading number and want at least 2.40
 * @param sessionId the {@code X-Transmission-Session-Id} every request must carry
 * @param configDir Shoal's data directory
 */
record SessionInfo(String version, String sessionId, String configDir) {

    /** The Transmission release whose RPC (version 17) Shoal speaks. */
    static final String TRANSMISSION_VERSION = "4.0.0";

    static String version(String shoalVersion) {
        return TRANSMISSION_VERSION + " (Shoal " + shoalVersion + ")";
    }
}
