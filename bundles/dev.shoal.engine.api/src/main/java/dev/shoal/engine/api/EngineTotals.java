package dev.shoal.engine.api;

/**
 * Sums over every torrent at one moment.
 *
 * @param torrents     torrents held
 * @param active       of those, downloading or seeding
 * @param downloaded   bytes received
 * @param uploaded     bytes sent
 * @param downloadRate bytes/s received now
 * @param uploadRate   bytes/s sent now
 * @param peers        peers connected
 */
public record EngineTotals(int torrents, int active, long downloaded, long uploaded, long downloadRate,
        long uploadRate, int peers) {
}
