package dev.shoal.metainfo.internal.parse;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BString;
import dev.shoal.bencode.BValue;
import dev.shoal.metainfo.FileAttribute;
import dev.shoal.metainfo.InvalidTorrentException;
import dev.shoal.metainfo.internal.text.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walks the BEP 52 'file tree': nested dictionaries keyed by path component, where a key of ""
 * marks a file and holds its length and pieces root. Files come out in the tree's key order.
 */
final class FileTree {

    /** Directory nesting allowed; the decoder bounds nesting too, this keeps the walk's own bound. */
    static final int MAX_DEPTH = 128;

    static final int PIECES_ROOT_BYTES = 32;

    private final Texts texts;
    private final List<String> warnings;
    private final List<RawFile> files = new ArrayList<>();

    private FileTree(Texts texts, List<String> warnings) {
        this.texts = texts;
        this.warnings = warnings;
    }

    static Layout read(Fields info, Texts texts, List<String> warnings) throws InvalidTorrentException {
        Fields tree = info.dictionary("file tree");
        if (tree.dictionary().size() == 0) {
            throw info.invalid("file tree", "is empty");
        }
        FileTree walker = new FileTree(texts, warnings);
        walker.directory(tree.dictionary(), new ArrayList<>(), 1);
        if (walker.files.isEmpty()) {
            throw info.invalid("file tree", "holds no files");
        }
        boolean single = walker.files.size() == 1 && walker.files.get(0).path().size() == 1
                && tree.dictionary().size() == 1;
        return new Layout(walker.files, single);
    }

    private void directory(BDictionary node, List<String> path, int depth) throws InvalidTorrentException {
        if (depth > MAX_DEPTH) {
            throw new InvalidTorrentException("info.file tree nests deeper than " + MAX_DEPTH + " directories at "
                    + where(path));
        }
        for (Map.Entry<BString, BValue> entry : node.entries().entrySet()) {
            if (entry.getKey().length() == 0) {
                throw new InvalidTorrentException(where(path) + " has a file entry without a name");
            }
            path.add(texts.decodePathText(entry.getKey(), where(path)));
            child(entry.getValue(), path, depth);
            path.remove(path.size() - 1);
        }
    }

    private void child(BValue value, List<String> path, int depth) throws InvalidTorrentException {
        if (!(value instanceof BDictionary)) {
            throw new InvalidTorrentException(where(path) + " must be a dictionary");
        }
        BDictionary node = (BDictionary) value;
        Optional<BValue> leaf = node.get("");
        if (leaf.isEmpty()) {
            if (node.size() == 0) {
                warnings.add(where(path) + " is an empty directory; skipped");
                return;
            }
            directory(node, path, depth + 1);
            return;
        }
        if (node.size() != 1) {
            throw new InvalidTorrentException(where(path) + " is both a file and a directory");
        }
        if (!(leaf.get() instanceof BDictionary)) {
            throw new InvalidTorrentException(where(path) + "[\"\"] must be a dictionary");
        }
        files.add(file(new Fields((BDictionary) leaf.get(), where(path)), List.copyOf(path)));
    }

    private RawFile file(Fields leaf, List<String> path) throws InvalidTorrentException {
        long length = Lengths.read(leaf);
        Optional<BString> root = leaf.optionalString("pieces root");
        if (root.isPresent() && root.get().length() != PIECES_ROOT_BYTES) {
            throw leaf.invalid("pieces root", "must be " + PIECES_ROOT_BYTES + " bytes, not " + root.get().length());
        }
        if (root.isEmpty() && length > 0) {
            throw leaf.missing("pieces root");
        }
        Set<FileAttribute> attributes = FileAttributes.read(leaf);
        byte[] rootBytes = length > 0 ? root.get().bytes() : new byte[0];
        return new RawFile(path, leaf.where(), length, attributes,
                FileAttributes.symlinkTarget(leaf, attributes, texts), rootBytes);
    }

    private static String where(List<String> path) {
        return path.isEmpty() ? "info.file tree" : "info.file tree[" + Quote.of(String.join("/", path)) + "]";
    }
}
