/**
 * Torrent files and magnet links as immutable values, parsed and validated.
 *
 * <p>{@link dev.shoal.metainfo.Metainfo#parse(byte[])} and
 * {@link dev.shoal.metainfo.MagnetLink#parse(String)} read the two formats;
 * {@link dev.shoal.metainfo.TorrentCreator}, the service of the {@code dev.shoal.create} bundle, makes
 * new v1 torrents. Everything else in the bundle is private: a library, with no components of its
 * own and no creation code.
 *
 * <p>2.0.0: {@code TorrentCreator.withThreads} went with the creation code to {@code dev.shoal.create}.
 */
@Export
@Version("2.0.0")
package dev.shoal.metainfo;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
