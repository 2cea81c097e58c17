/**
 * A torrent's pieces on disk: blocks written through a bounded queue, each piece verified against
 * its SHA-1 before it counts, fast-resume data (recording only pieces forced to disk) so a restart
 * does not recheck.
 *
 * <p>The shape follows libtorrent's {@code disk_interface}: the engine calls asynchronously and
 * learns results from {@link java.util.concurrent.CompletionStage}s and a
 * {@link dev.shoal.storage.api.PieceListener}; it never waits on the disk on its own thread.
 * {@link dev.shoal.storage.api.StorageService} opens a {@link dev.shoal.storage.api.TorrentStorage}
 * per torrent.
 */
@Export
@Version("1.4.0")
package dev.shoal.storage.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
