package dev.shoal.metainfo;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BInteger;
import dev.shoal.bencode.BList;
import dev.shoal.bencode.BString;
import dev.shoal.bencode.BValue;
import dev.shoal.bencode.BencodeEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds torrents shaped like real ones, for tests. */
final class Torrents {

    static final int PIECE = 16 * 1024;

    private Torrents() {
    }

    /** Fake piece hashes of the right count for {@code total} bytes: recognisable, not real. */
    static byte[] pieces(long total, int pieceLength) {
        int count = (int) ((total + pieceLength - 1) / pieceLength);
        byte[] pieces = new byte[count * 20];
        for (int i = 0; i < pieces.length; i++) {
            pieces[i] = (byte) (i / 20 + i);
        }
        return pieces;
    }

    static BDictionary.Builder singleInfo(String name, long length) {
        return BDictionary.builder()
                .put("name", name)
                .put("length", length)
                .put("piece length", PIECE)
                .put("pieces", BString.of(pieces(length, PIECE)));
    }

    static BDictionary file(long length, String... path) {
        return BDictionary.builder().put("length", length).put("path", strings(path)).build();
    }

    static BDictionary padFile(long length) {
        return BDictionary.builder().put("length", length).put("path", strings(".pad", Long.toString(length)))
                .put("attr", "p").build();
    }

    static BDictionary.Builder multiInfo(String name, BDictionary... files) {
        long total = Arrays.stream(files).mapToLong(f -> ((BInteger) f.get("length").orElseThrow()).value()).sum();
        return BDictionary.builder()
                .put("name", name)
                .put("files", BList.of(files))
                .put("piece length", PIECE)
                .put("pieces", BString.of(pieces(total, PIECE)));
    }

    /** A multi-file info dictionary whose pieces are sized for {@code piecesFor} bytes, whatever the files say. */
    static BDictionary.Builder multiInfo(String name, long piecesFor, BDictionary... files) {
        return BDictionary.builder()
                .put("name", name)
                .put("files", BList.of(files))
                .put("piece length", PIECE)
                .put("pieces", BString.of(pieces(piecesFor, PIECE)));
    }

    static BList strings(String... values) {
        List<BValue> list = new ArrayList<>();
        for (String value : values) {
            list.add(BString.of(value));
        }
        return BList.of(list);
    }

    /** A torrent file: the info dictionary plus one tracker. */
    static byte[] torrent(BDictionary.Builder info) {
        return BencodeEncoder.encode(BDictionary.builder()
                .put("announce", "http://tracker.example/announce")
                .put("info", info.build())
                .build());
    }

    static byte[] torrent(BDictionary.Builder root, BDictionary.Builder info) {
        return BencodeEncoder.encode(root.put("info", info.build()).build());
    }

    /** A v2 file-tree leaf: {"": {length, pieces root}}. */
    static BDictionary leaf(long length, byte fill) {
        BDictionary.Builder props = BDictionary.builder().put("length", length);
        if (length > 0) {
            byte[] root = new byte[32];
            Arrays.fill(root, fill);
            props.put("pieces root", BString.of(root));
        }
        return BDictionary.builder().put("", props.build()).build();
    }

    static BDictionary dir(Object... namesAndNodes) {
        BDictionary.Builder dir = BDictionary.builder();
        for (int i = 0; i < namesAndNodes.length; i += 2) {
            dir.put((String) namesAndNodes[i], (BValue) namesAndNodes[i + 1]);
        }
        return dir.build();
    }

    static BDictionary.Builder v2Info(String name, BDictionary tree) {
        return BDictionary.builder()
                .put("name", name)
                .put("meta version", 2)
                .put("piece length", PIECE)
                .put("file tree", tree);
    }
}
