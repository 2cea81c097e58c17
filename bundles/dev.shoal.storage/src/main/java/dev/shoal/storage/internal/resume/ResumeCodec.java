package dev.shoal.storage.internal.resume;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BInteger;
import dev.shoal.bencode.BList;
import dev.shoal.bencode.BString;
import dev.shoal.bencode.BValue;
import dev.shoal.bencode.BencodeDecoder;
import dev.shoal.bencode.BencodeEncoder;
import dev.shoal.bencode.BencodeException;
import dev.shoal.bencode.DecoderLimits;
import dev.shoal.storage.api.PieceSet;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The resume file's bencoded form:
 * {@code {"format": "shoal-resume", "version": 2, "info-hash": <bytes>, "piece count": n,
 * "pieces": <bitfield>, "unfinished": [{"piece": i, "bitmask": <bytes>}, ...], "journal": g,
 * "files": [[size, mtime-ns], ...]}}; a bitmask has a bit per block of the piece, the first block in
 * the high bit of the first byte, as the pieces' bitfield. Version 1 (no "unfinished", no "journal")
 * is read too. Decoding is strict: anything missing or of the wrong type makes the whole file
 * corrupt, which only costs a recheck.
 */
public final class ResumeCodec {

    static final String FORMAT = "shoal-resume";
    static final long VERSION = 2;
    /** A bitmask of more bytes would describe a piece of more than 2 GiB: not a real torrent's. */
    private static final int MAX_BITMASK_BYTES = 16 * 1024;

    private ResumeCodec() {
    }

    public static byte[] encode(ResumeData data) {
        List<BValue> files = new ArrayList<>(data.files().size());
        for (FileStamp stamp : data.files()) {
            files.add(BList.of(BInteger.of(stamp.size()), BInteger.of(stamp.mtimeNanos())));
        }
        List<BValue> unfinished = new ArrayList<>();
        data.unfinished().forEach((piece, blocks) -> unfinished.add(BDictionary.builder()
                .put("piece", piece)
                .put("bitmask", BString.of(toBytes(blocks)))
                .build()));
        return BencodeEncoder.encode(BDictionary.builder()
                .put("format", FORMAT)
                .put("version", VERSION)
                .put("info-hash", BString.of(data.infoHash()))
                .put("piece count", data.verified().pieceCount())
                .put("pieces", BString.of(data.verified().toBytes()))
                .put("unfinished", BList.of(unfinished))
                .put("journal", data.generation())
                .put("files", BList.of(files))
                .build());
    }

    /** @throws IllegalArgumentException with a one-line reason when the bytes are not resume data */
    public static ResumeData decode(byte[] bytes, DecoderLimits limits) {
        BValue root;
        try {
            root = new BencodeDecoder(limits).decode(bytes).value();
        } catch (BencodeException e) {
            throw new IllegalArgumentException("not bencode: " + e.getMessage(), e);
        }
        BDictionary dict = as(root, BDictionary.class, "the file");
        long version = as(field(dict, "version"), BInteger.class, "version").value();
        if (!FORMAT.equals(as(field(dict, "format"), BString.class, "format").asString())
                || version < 1 || version > VERSION) {
            throw new IllegalArgumentException("not shoal-resume version 1 to " + VERSION);
        }
        byte[] hash = as(field(dict, "info-hash"), BString.class, "info-hash").bytes();
        long pieceCount = as(field(dict, "piece count"), BInteger.class, "piece count").value();
        if (pieceCount < 0 || pieceCount > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("piece count out of range: " + pieceCount);
        }
        PieceSet pieces = new PieceSet((int) pieceCount, as(field(dict, "pieces"), BString.class, "pieces").bytes());
        List<FileStamp> files = new ArrayList<>();
        for (BValue value : as(field(dict, "files"), BList.class, "files").values()) {
            BList pair = as(value, BList.class, "a file stamp");
            if (pair.size() != 2) {
                throw new IllegalArgumentException("a file stamp has 2 numbers, not " + pair.size());
            }
            files.add(new FileStamp(as(pair.get(0), BInteger.class, "size").value(),
                    as(pair.get(1), BInteger.class, "mtime").value()));
        }
        if (version == 1) {
            return new ResumeData(hash, pieces, files);
        }
        long generation = as(field(dict, "journal"), BInteger.class, "journal").value();
        if (generation < 0) {
            throw new IllegalArgumentException("journal generation out of range: " + generation);
        }
        return new ResumeData(hash, pieces, unfinished(dict, pieces), files, generation);
    }

    private static Map<Integer, BitSet> unfinished(BDictionary dict, PieceSet pieces) {
        Map<Integer, BitSet> unfinished = new TreeMap<>();
        for (BValue value : as(field(dict, "unfinished"), BList.class, "unfinished").values()) {
            BDictionary entry = as(value, BDictionary.class, "an unfinished piece");
            long piece = as(field(entry, "piece"), BInteger.class, "piece").value();
            byte[] mask = as(field(entry, "bitmask"), BString.class, "bitmask").bytes();
            if (piece < 0 || piece >= pieces.pieceCount() || pieces.has((int) piece)) {
                throw new IllegalArgumentException("unfinished piece " + piece + " is out of range or verified");
            }
            if (mask.length > MAX_BITMASK_BYTES || unfinished.put((int) piece, fromBytes(mask)) != null) {
                throw new IllegalArgumentException("unfinished piece " + piece + " is listed twice or too long");
            }
        }
        return unfinished;
    }

    /** The first block in the high bit of the first byte. */
    static byte[] toBytes(BitSet blocks) {
        byte[] bytes = new byte[(blocks.length() + 7) / 8];
        for (int i = blocks.nextSetBit(0); i >= 0; i = blocks.nextSetBit(i + 1)) {
            bytes[i / 8] |= (byte) (0x80 >>> (i % 8));
        }
        return bytes;
    }

    static BitSet fromBytes(byte[] bytes) {
        BitSet blocks = new BitSet(bytes.length * 8);
        for (int i = 0; i < bytes.length * 8; i++) {
            if ((bytes[i / 8] & (0x80 >>> (i % 8))) != 0) {
                blocks.set(i);
            }
        }
        return blocks;
    }

    private static BValue field(BDictionary dict, String key) {
        return dict.get(key).orElseThrow(() -> new IllegalArgumentException("no '" + key + "'"));
    }

    private static <T extends BValue> T as(BValue value, Class<T> type, String what) {
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(what + " is not a " + type.getSimpleName());
        }
        return type.cast(value);
    }
}
