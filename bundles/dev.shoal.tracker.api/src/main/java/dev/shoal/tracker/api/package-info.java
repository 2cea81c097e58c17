/**
 * Talking to BitTorrent trackers.
 *
 * <p>{@link dev.shoal.tracker.api.TrackerClient} speaks one protocol; implementations register as
 * whiteboard services with {@link dev.shoal.tracker.api.TrackerClient#SCHEMES} naming the URL
 * schemes they serve, so a plugin bundle can add a scheme. {@link dev.shoal.tracker.api.Announcer}
 * runs a torrent's tracker tiers (BEP 12) over whichever clients are present.
 */
@Export
@Version("1.1.0")
package dev.shoal.tracker.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
