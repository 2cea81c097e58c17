package dev.shoal.peer.internal.metadata;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BencodeEncoder;
import dev.shoal.peer.internal.extension.ExtensionException;
import dev.shoal.peer.internal.extension.ExtensionPayloads;
import java.util.Optional;

/**
 * A BEP 9 ut_metadata message: a dictionary ({@code msg_type}, {@code piece}, and for data
 * {@code total_size}) followed, for data only, by the piece's raw bytes.
 *
 * @param type      {@link #REQUEST}, {@link #DATA} or {@link #REJECT}
 * @param piece     the 16 KiB piece of the info dictionary
 * @param totalSize for data: the info dictionary's size; else -1
 * @param data      for data: the piece's bytes; else empty
 */
public record MetadataMessage(int type, int piece, long totalSize, byte[] data) {

    public static final String EXTENSION = "ut_metadata";
    public static final int PIECE_LENGTH = 16 * 1024;
    public static final int REQUEST = 0;
    public static final int DATA = 1;
    public static final int REJECT = 2;

    public static MetadataMessage request(int piece) {
        return new MetadataMessage(REQUEST, piece, -1, new byte[0]);
    }

    public static MetadataMessage reject(int piece) {
        return new MetadataMessage(REJECT, piece, -1, new byte[0]);
    }

    public static MetadataMessage data(int piece, long totalSize, byte[] data) {
        return new MetadataMessage(DATA, piece, totalSize, data);
    }

    /** Reads a message; empty for a {@code msg_type} we do not know (BEP 9: ignored). */
    public static Optional<MetadataMessage> parse(byte[] payload, ExtensionPayloads payloads)
            throws ExtensionException {
        BDictionary header = payloads.leadingDictionary(payload);
        long type = ExtensionPayloads.integer(header, "msg_type")
                .orElseThrow(() -> new ExtensionException("ut_metadata message without msg_type"));
        long piece = ExtensionPayloads.integer(header, "piece")
                .orElseThrow(() -> new ExtensionException("ut_metadata message without piece"));
        if (piece < 0 || piece > Integer.MAX_VALUE) {
            throw new ExtensionException("ut_metadata piece " + piece + " out of range");
        }
        int headerLength = header.rawBytes().length;
        if (type == DATA) {
            long total = ExtensionPayloads.integer(header, "total_size")
                    .orElseThrow(() -> new ExtensionException("ut_metadata data without total_size"));
            byte[] data = new byte[payload.length - headerLength];
            System.arraycopy(payload, headerLength, data, 0, data.length);
            return Optional.of(data((int) piece, total, data));
        }
        if (type != REQUEST && type != REJECT) {
            return Optional.empty();
        }
        return Optional.of(new MetadataMessage((int) type, (int) piece, -1, new byte[0]));
    }

    public byte[] encode() {
        BDictionary.Builder header = BDictionary.builder().put("msg_type", type).put("piece", piece);
        if (type == DATA) {
            header.put("total_size", totalSize);
        }
        byte[] head = BencodeEncoder.encode(header.build());
        byte[] out = new byte[head.length + data.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(data, 0, out, head.length, data.length);
        return out;
    }

    /** Pieces of 16 KiB (the last one shorter) in {@code size} bytes of metadata. */
    public static int pieceCount(long size) {
        return (int) ((size + PIECE_LENGTH - 1) / PIECE_LENGTH);
    }

    /** Bytes of piece {@code piece} of {@code size} bytes of metadata. */
    public static int pieceSize(long size, int piece) {
        return (int) Math.min(PIECE_LENGTH, size - (long) piece * PIECE_LENGTH);
    }

    @Override
    public String toString() {
        return "ut_metadata[type=" + type + ", piece=" + piece + (type == DATA ? ", total=" + totalSize + ", "
                + data.length + " bytes" : "") + "]";
    }
}
