package dev.shoal.cli.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

import dev.shoal.metainfo.InvalidTorrentException;
import dev.shoal.metainfo.Metainfo;

/** What {@code shoal get} was given: a torrent file's path or its http(s) URL, read and parsed. */
final class TorrentInput {

    private TorrentInput() {
    }

    private static Path path(String target) throws CommandFailure {
        try {
            return Path.of(target);
        } catch (InvalidPathException e) {
            throw new CommandFailure(target + ": not a valid path (" + e.getReason() + ")");
        }
    }

    static Metainfo load(String target, TorrentFetcher fetcher) throws CommandFailure, InterruptedException {
        byte[] bytes;
        if (target.regionMatches(true, 0, "magnet:", 0, 7)) {
            throw new CommandFailure("get needs a torrent file or its http(s) URL; magnet links are not supported yet");
        } else if (TorrentFetcher.isUrl(target)) {
            bytes = fetcher.fetch(target);
        } else if (target.matches("(?s)[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            throw new CommandFailure(target + ": only http and https URLs can be fetched, not "
                    + target.substring(0, target.indexOf(':')).toLowerCase(Locale.ROOT));
        } else {
            bytes = TorrentFileReader.read(path(target));
        }
        try {
            return Metainfo.parse(bytes);
        } catch (InvalidTorrentException e) {
            throw new CommandFailure(target + ": " + e.getMessage());
        }
    }
}
