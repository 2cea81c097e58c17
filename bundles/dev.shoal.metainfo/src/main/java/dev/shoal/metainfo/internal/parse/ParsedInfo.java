package dev.shoal.metainfo.internal.parse;

import dev.shoal.metainfo.FileEntry;
import dev.shoal.metainfo.TorrentVersion;
import java.util.List;
import java.util.Optional;

/** What the info dictionary says, checked. */
record ParsedInfo(String name, TorrentVersion version, int pieceLength, int pieceCount, long totalLength,
        List<FileEntry> files, boolean singleFile, byte[] pieces, boolean isPrivate, Optional<String> source) {
}
