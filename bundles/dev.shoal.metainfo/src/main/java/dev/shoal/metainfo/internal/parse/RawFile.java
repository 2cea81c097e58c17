package dev.shoal.metainfo.internal.parse;

import dev.shoal.metainfo.FileAttribute;
import java.util.List;
import java.util.Set;

/**
 * A file as read from the info dictionary, before its path is checked and its offset known.
 *
 * @param path          for a multi-file torrent, the path below the torrent's directory;
 *                      for a single-file torrent, the one file name
 * @param where         the key path of its dictionary, for messages
 * @param piecesRoot    v2 merkle root or an empty array
 */
record RawFile(List<String> path, String where, long length, Set<FileAttribute> attributes,
        List<String> symlinkTarget, byte[] piecesRoot) {

    boolean isPadding() {
        return attributes.contains(FileAttribute.PADDING);
    }

    String joinedPath() {
        return String.join("/", path);
    }

    RawFile withPiecesRoot(byte[] root) {
        return new RawFile(path, where, length, attributes, symlinkTarget, root);
    }
}
