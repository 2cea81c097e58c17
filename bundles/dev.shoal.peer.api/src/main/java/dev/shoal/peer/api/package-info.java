/**
 * Taking part in torrents' swarms.
 *
 * <p>{@link dev.shoal.peer.api.SwarmService} owns the peer wire (the listening socket, the dialler,
 * global limits); {@link dev.shoal.peer.api.SwarmService#join} gives a
 * {@link dev.shoal.peer.api.Swarm} per torrent, which downloads what the torrent's storage lacks from
 * the peers it is given or that dial in, and uploads what the storage has verified;
 * {@link dev.shoal.peer.api.SwarmService#fetchMetadata} gets a magnet link's info dictionary from
 * peers (BEP 9). Trackers and the torrent's life are the engine's business, not this package's.
 */
@Export
@Version("1.6.0")
package dev.shoal.peer.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
