package dev.shoal.cli.internal;

import java.nio.file.Path;
import java.util.Optional;

import dev.shoal.metainfo.MagnetLink;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.support.torrent.TorrentSource;
import dev.shoal.support.torrent.TorrentSourceException;

/**
 * What a command was given: a torrent file's path (relative to the working directory), a file:
 * URI or an http(s) URL, read and parsed as every part of Shoal reads one.
 */
final class TorrentInput {

    private TorrentInput() {
    }

    /** The magnet link {@code target} is, or empty when it names a torrent file. */
    static Optional<MagnetLink> magnet(String target) throws CommandFailure {
        try {
            return TorrentSource.magnet(target);
        } catch (TorrentSourceException e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    static Metainfo load(TorrentSource source, String target) throws CommandFailure, InterruptedException {
        try {
            return source.load(target, Path.of(""));
        } catch (TorrentSourceException e) {
            throw new CommandFailure(e.getMessage());
        }
    }
}
