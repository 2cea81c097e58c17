/**
 * Torrent files and magnet links as immutable values, parsed and validated.
 *
 * <p>{@link dev.shoal.metainfo.Metainfo#parse(byte[])} and
 * {@link dev.shoal.metainfo.MagnetLink#parse(String)} read the two formats;
 * {@link dev.shoal.metainfo.TorrentCreator} (a service, or standalone) makes new v1 torrents.
 * Everything else in the bundle is private.
 */
@Export
@Version("1.0.0")
package dev.shoal.metainfo;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
