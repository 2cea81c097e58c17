/**
 * Shoal's torrents as the shell and the desktop see them.
 *
 * <p>{@link dev.shoal.engine.api.Engine} adds torrents and reports totals; each
 * {@link dev.shoal.engine.api.Torrent} is checked, downloaded and seeded until its
 * {@link dev.shoal.engine.api.SeedGoal}, with {@link dev.shoal.engine.api.TorrentStatus} snapshots
 * for display. State changes reach every {@link dev.shoal.engine.api.TorrentListener} registered as a
 * service (whiteboard). A {@link dev.shoal.engine.api.PeerSource} registered as a service finds
 * peers beside the trackers (whiteboard too).
 */
@Export
@Version("2.4.0")
package dev.shoal.engine.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
