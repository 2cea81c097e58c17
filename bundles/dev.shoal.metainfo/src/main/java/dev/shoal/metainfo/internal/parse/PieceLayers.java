package dev.shoal.metainfo.internal.parse;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BString;
import dev.shoal.bencode.BValue;
import dev.shoal.metainfo.FileEntry;
import dev.shoal.metainfo.InvalidTorrentException;
import dev.shoal.metainfo.internal.text.Quote;
import java.util.List;
import java.util.Optional;

/**
 * Checks the shape of BEP 52 'piece layers' (outside the info dictionary): for each file longer
 * than a piece, the concatenated piece hashes under its pieces root. A layer of the wrong size is
 * an error; a missing one only a warning, since peers can send it (torrents from magnet links
 * never have them). Whether the layers hash to the roots is checked when pieces are verified.
 */
final class PieceLayers {

    private PieceLayers() {
    }

    static void check(BDictionary root, List<FileEntry> files, int pieceLength, List<String> warnings)
            throws InvalidTorrentException {
        Optional<BValue> value = root.get("piece layers");
        if (value.isPresent() && !(value.get() instanceof BDictionary)) {
            throw new InvalidTorrentException("piece layers must be a dictionary");
        }
        BDictionary layers = value.isPresent() ? (BDictionary) value.get() : BDictionary.builder().build();
        int missing = 0;
        for (FileEntry file : files) {
            if (file.length() <= pieceLength || file.isPadding()) {
                continue;
            }
            BValue layer = layers.entries().get(BString.of(file.piecesRoot()));
            if (layer == null) {
                missing++;
                continue;
            }
            long pieces = Lengths.ceilDiv(file.length(), pieceLength);
            if (!(layer instanceof BString) || ((BString) layer).length() != pieces * 32) {
                String size = layer instanceof BString ? ((BString) layer).length() + " bytes" : "not a string";
                throw new InvalidTorrentException("piece layers entry for " + Quote.of(file.relativePath()) + " is "
                        + size + " but its " + pieces + " pieces need " + pieces * 32 + " bytes");
            }
        }
        if (missing > 0) {
            warnings.add("piece layers are missing for " + missing + " files; they must come from peers");
        }
    }
}
