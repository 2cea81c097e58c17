package dev.shoal.metainfo.internal.parse;

import dev.shoal.bencode.BString;
import dev.shoal.metainfo.FileEntry;
import dev.shoal.metainfo.InvalidTorrentException;
import dev.shoal.metainfo.PathPolicy;
import dev.shoal.metainfo.TorrentVersion;
import dev.shoal.metainfo.internal.path.PathGuard;
import dev.shoal.metainfo.internal.text.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the info dictionary: decides the version from the keys present, reads each version's
 * file layout, reconciles them for a hybrid, applies the path policy and lays the files out.
 */
final class InfoReader {

    private final List<String> warnings;
    private final Texts texts;
    private final PathGuard guard;

    InfoReader(PathPolicy policy, List<String> warnings) {
        this.warnings = warnings;
        this.texts = new Texts(policy, warnings);
        this.guard = new PathGuard(policy, warnings);
    }

    ParsedInfo read(Fields info) throws InvalidTorrentException {
        boolean hasV1 = info.has("pieces") || info.has("length") || info.has("files");
        boolean hasV2 = info.has("meta version") || info.has("file tree");
        if (!hasV1 && !hasV2) {
            throw new InvalidTorrentException("info has neither v1 'pieces' nor a v2 'file tree'");
        }
        TorrentVersion version = hasV1 && hasV2 ? TorrentVersion.HYBRID : hasV1 ? TorrentVersion.V1 : TorrentVersion.V2;
        if (hasV2) {
            checkMetaVersion(info);
        }
        String rawName = texts.name(info, "name");
        String name = guard.name(rawName);
        int pieceLength = PieceLength.read(info, hasV2, warnings);

        Layout v1 = hasV1 ? V1Files.read(info, rawName, texts) : null;
        Layout v2 = hasV2 ? FileTree.read(info, texts, warnings) : null;
        Layout layout;
        if (version == TorrentVersion.HYBRID) {
            layout = Hybrid.merge(v1, v2, pieceLength);
        } else {
            layout = hasV1 ? v1 : v2;
        }
        if (version == TorrentVersion.V2 && layout.singleFile() && !layout.files().get(0).path().get(0).equals(rawName)) {
            warnings.add("the file tree's one file " + Quote.of(layout.files().get(0).joinedPath())
                    + " is not named like info.name " + Quote.of(rawName));
        }

        List<FileEntry> files = layOut(layout, rawName, name, pieceLength, version == TorrentVersion.V2);
        long total = 0;
        for (FileEntry file : files) {
            total = Lengths.add(total, file.length());
        }
        if (total == 0) {
            throw new InvalidTorrentException("the torrent holds no data: all its files are empty");
        }
        byte[] pieces = hasV1 ? v1Pieces(info, total, pieceLength) : new byte[0];
        int pieceCount = hasV1 ? pieces.length / 20 : v2PieceCount(files, pieceLength);
        Optional<BString> source = info.optionalString("source");
        return new ParsedInfo(name, version, pieceLength, pieceCount, total, files, layout.singleFile(), pieces,
                isPrivate(info), source.map(s -> texts.freeText(s, "info.source")));
    }

    private static void checkMetaVersion(Fields info) throws InvalidTorrentException {
        long metaVersion = info.integer("meta version");
        if (metaVersion != 2) {
            throw info.invalid("meta version", "must be 2, not " + metaVersion);
        }
        if (!info.has("file tree")) {
            throw info.missing("file tree");
        }
    }

    /**
     * Checks every path and gives each file its offset. A v2-only torrent has no byte stream, so
     * each file there starts on a piece boundary, as in the hybrid form of the same torrent.
     */
    private List<FileEntry> layOut(Layout layout, String rawName, String name, int pieceLength,
            boolean alignToPieces) throws InvalidTorrentException {
        List<List<String>> paths = new ArrayList<>(layout.files().size());
        List<Boolean> padding = new ArrayList<>(layout.files().size());
        List<List<String>> targets = new ArrayList<>(layout.files().size());
        for (RawFile file : layout.files()) {
            paths.add(checkedPath(file, layout.singleFile(), rawName, name));
            padding.add(file.isPadding());
            targets.add(file.symlinkTarget().isEmpty() ? List.of()
                    : guard.path(List.of(), file.symlinkTarget(), "symlink target"));
        }
        paths = guard.resolveCollisions(paths, padding);

        List<FileEntry> entries = new ArrayList<>(paths.size());
        long offset = 0;
        for (int i = 0; i < paths.size(); i++) {
            RawFile file = layout.files().get(i);
            entries.add(new FileEntry(paths.get(i), file.length(), offset, file.attributes(), targets.get(i),
                    file.piecesRoot()));
            offset = Lengths.add(offset, file.length());
            if (alignToPieces && offset % pieceLength != 0) {
                offset += pieceLength - offset % pieceLength;
            }
        }
        return entries;
    }

    private List<String> checkedPath(RawFile file, boolean singleFile, String rawName, String name)
            throws InvalidTorrentException {
        if (singleFile) {
            return file.path().equals(List.of(rawName)) ? List.of(name)
                    : guard.path(List.of(), file.path(), "file path");
        }
        List<String> below = guard.path(List.of(name), file.path(), "file path");
        List<String> full = new ArrayList<>(below.size() + 1);
        full.add(name);
        full.addAll(below);
        return full;
    }

    private static byte[] v1Pieces(Fields info, long total, int pieceLength) throws InvalidTorrentException {
        BString pieces = info.string("pieces");
        if (pieces.length() % 20 != 0) {
            throw info.invalid("pieces", "has " + pieces.length() + " bytes, which is not a multiple of 20");
        }
        long have = pieces.length() / 20;
        long need = Lengths.ceilDiv(total, pieceLength);
        if (have != need) {
            throw new InvalidTorrentException(info.pathOf("pieces") + " holds " + have + " hashes but " + total
                    + " bytes in pieces of " + pieceLength + " bytes need " + need);
        }
        return pieces.bytes();
    }

    private static int v2PieceCount(List<FileEntry> files, int pieceLength) throws InvalidTorrentException {
        long count = 0;
        for (FileEntry file : files) {
            count += Lengths.ceilDiv(file.length(), pieceLength);
        }
        if (count > Integer.MAX_VALUE) {
            throw new InvalidTorrentException("the torrent has " + count + " pieces, more than Shoal supports");
        }
        return (int) count;
    }

    /** BEP 27 says private=1. Any other non-zero value is read as private too: leaking is the worse error. */
    private boolean isPrivate(Fields info) throws InvalidTorrentException {
        Optional<Long> flag = info.optionalInteger("private");
        if (flag.isEmpty() || flag.get() == 0) {
            return false;
        }
        if (flag.get() != 1) {
            warnings.add("info.private is " + flag.get() + ", not 0 or 1; treated as private");
        }
        return true;
    }
}
