package dev.shoal.metainfo;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One file of a torrent.
 *
 * @param path          where the file goes, relative to the download directory: the torrent's name
 *                      alone for a single-file torrent, the name followed by the file's own path
 *                      for a multi-file torrent; already checked by the path policy
 * @param length        bytes
 * @param offset        where the file starts in the torrent's v1 byte stream (pad files count).
 *                      In a v2-only torrent, where it would start if every file began on a piece
 *                      boundary, so that {@code offset / pieceLength} is its first piece.
 * @param attributes    BEP 47 attributes
 * @param symlinkTarget for a {@link FileAttribute#SYMLINK}: the target's path components relative
 *                      to the torrent's root; empty otherwise
 * @param piecesRoot    BEP 52 merkle root of the file's v2 piece hashes (32 bytes), or an empty
 *                      array when there is none (a v1-only torrent, an empty file, a pad file)
 */
public record FileEntry(List<String> path, long length, long offset, Set<FileAttribute> attributes,
        List<String> symlinkTarget, byte[] piecesRoot) {

    public FileEntry {
        path = List.copyOf(path);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a file needs a path");
        }
        if (length < 0 || offset < 0) {
            throw new IllegalArgumentException("length and offset must not be negative");
        }
        // An EnumSet keeps the declaration order, so toString and iteration are stable.
        attributes = attributes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(attributes));
        symlinkTarget = List.copyOf(symlinkTarget);
        if (piecesRoot.length != 0 && piecesRoot.length != 32) {
            throw new IllegalArgumentException("a pieces root has 32 bytes");
        }
        piecesRoot = piecesRoot.clone();
    }

    /** A plain file with no attributes and no v2 root. */
    public static FileEntry of(List<String> path, long length, long offset) {
        return new FileEntry(path, length, offset, Set.of(), List.of(), new byte[0]);
    }

    /** True for a BEP 47 pad file, which holds zeros and is never written to disk. */
    public boolean isPadding() {
        return attributes.contains(FileAttribute.PADDING);
    }

    /** The path components joined by '/'. */
    public String relativePath() {
        return String.join("/", path);
    }

    /** The v2 pieces root when there is one. */
    public Optional<byte[]> piecesRootIfPresent() {
        return piecesRoot.length == 0 ? Optional.empty() : Optional.of(piecesRoot.clone());
    }

    @Override
    public byte[] piecesRoot() {
        return piecesRoot.clone();
    }

    /** First byte after the file in the torrent's byte stream. */
    public long end() {
        return offset + length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileEntry other && length == other.length && offset == other.offset
                && path.equals(other.path) && attributes.equals(other.attributes)
                && symlinkTarget.equals(other.symlinkTarget) && Arrays.equals(piecesRoot, other.piecesRoot);
    }

    @Override
    public int hashCode() {
        return (path.hashCode() * 31 + Long.hashCode(length)) * 31 + Long.hashCode(offset);
    }

    @Override
    public String toString() {
        return "FileEntry[" + relativePath() + ", " + length + " bytes at " + offset
                + (attributes.isEmpty() ? "" : ", " + attributes) + "]";
    }
}
