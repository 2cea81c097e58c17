package dev.shoal.cli.internal;

import java.nio.file.Path;

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

    static Metainfo load(TorrentSource source, String target) throws CommandFailure, InterruptedException {
        try {
            return source.load(target, Path.of(""));
        } catch (TorrentSourceException e) {
            throw new CommandFailure(e.getMessage());
        }
    }
}
