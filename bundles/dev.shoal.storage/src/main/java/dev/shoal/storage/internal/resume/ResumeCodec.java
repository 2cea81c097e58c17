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
import java.util.List;

/**
 * The resume file's bencoded form:
 * {@code {"format": "shoal-resume", "version": 1, "info-hash": <bytes>, "piece count": n,
 * "pieces": <bitfield>, "files": [[size, mtime-ns], ...]}}. Decoding is strict: anything missing or
 * of the wrong type makes the whole file corrupt, which only costs a recheck.
 */
public final class ResumeCodec {

    static final String FORMAT = "shoal-resume";
    static final long VERSION = 1;

    private ResumeCodec() {
    }

    public static byte[] encode(ResumeData data) {
        List<BValue> files = new ArrayList<>(data.files().size());
        for (FileStamp stamp : data.files()) {
            files.add(BList.of(BInteger.of(stamp.size()), BInteger.of(stamp.mtimeNanos())));
        }
        return BencodeEncoder.encode(BDictionary.builder()
                .put("format", FORMAT)
                .put("version", VERSION)
                .put("info-hash", BString.of(data.infoHash()))
                .put("piece count", data.verified().pieceCount())
                .put("pieces", BString.of(data.verified().toBytes()))
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
        if (!FORMAT.equals(as(field(dict, "format"), BString.class, "format").asString())
                || as(field(dict, "version"), BInteger.class, "version").value() != VERSION) {
            throw new IllegalArgumentException("not shoal-resume version " + VERSION);
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
        return new ResumeData(hash, pieces, files);
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
