package dev.shoal.metainfo;

import dev.shoal.metainfo.internal.text.Base32;
import dev.shoal.metainfo.internal.text.Quote;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The identity of a torrent: the SHA-1 (v1, 20 bytes) or SHA-256 (v2, 32 bytes) of its bencoded
 * info dictionary. Equal when the bytes are equal.
 *
 * @param bytes the 20 or 32 hash bytes (copied in and out)
 */
public record InfoHash(byte[] bytes) implements Comparable<InfoHash> {

    public static final int V1_LENGTH = 20;
    public static final int V2_LENGTH = 32;

    /** Multihash prefix of a SHA-256 digest: function 0x12, length 0x20 (BEP 9 btmh). */
    private static final String MULTIHASH_SHA256 = "1220";

    public InfoHash {
        if (bytes.length != V1_LENGTH && bytes.length != V2_LENGTH) {
            throw new IllegalArgumentException("an info-hash has 20 or 32 bytes, not " + bytes.length);
        }
        bytes = bytes.clone();
    }

    /** A v1 hash; throws IllegalArgumentException unless {@code sha1} has 20 bytes. */
    public static InfoHash v1(byte[] sha1) {
        requireLength(sha1, V1_LENGTH);
        return new InfoHash(sha1);
    }

    /** A v2 hash; throws IllegalArgumentException unless {@code sha256} has 32 bytes. */
    public static InfoHash v2(byte[] sha256) {
        requireLength(sha256, V2_LENGTH);
        return new InfoHash(sha256);
    }

    /** Lower-case, no delimiter; parsing accepts either case. */
    private static final HexFormat HEX = HexFormat.of();

    /** Only ASCII hex digits: HexFormat.isHexDigit is, where Character.digit is not. */
    private static boolean isHex(String text) {
        return text.chars().allMatch(HexFormat::isHexDigit);
    }

    /** Parses 40 (v1) or 64 (v2) hex digits, either case. */
    public static InfoHash fromHex(String hex) {
        if ((hex.length() != 2 * V1_LENGTH && hex.length() != 2 * V2_LENGTH) || !isHex(hex)) {
            throw new IllegalArgumentException("not a 40 or 64 digit hex info-hash: " + shorten(hex));
        }
        return new InfoHash(HEX.parseHex(hex));
    }

    /** Parses the 32 base32 characters of a v1 hash, either case (old magnet links use them). */
    public static InfoHash fromBase32(String base32) {
        if (base32.length() != 32) {
            throw new IllegalArgumentException("a base32 info-hash has 32 characters, not " + base32.length());
        }
        try {
            return new InfoHash(Base32.decode(base32));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base32 info-hash: " + e.getMessage());
        }
    }

    /** Parses the multihash form of a v2 hash: {@code 1220} followed by 64 hex digits. */
    public static InfoHash fromMultihash(String multihash) {
        if (!multihash.startsWith(MULTIHASH_SHA256) || multihash.length() != 4 + 2 * V2_LENGTH
                || !isHex(multihash)) {
            throw new IllegalArgumentException("not a SHA-256 multihash (1220 and 64 hex digits): "
                    + shorten(multihash));
        }
        return new InfoHash(HEX.parseHex(multihash, 4, multihash.length()));
    }

    /** {@link TorrentVersion#V1} for a SHA-1 hash, {@link TorrentVersion#V2} for SHA-256. */
    public TorrentVersion version() {
        return bytes.length == V1_LENGTH ? TorrentVersion.V1 : TorrentVersion.V2;
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Lower-case hex: 40 digits for v1, 64 for v2. */
    public String hex() {
        return HEX.formatHex(bytes);
    }

    /** Upper-case RFC 4648 base32 without padding (32 characters for v1). */
    public String base32() {
        return Base32.encode(bytes);
    }

    /** The multihash form for {@code xt=urn:btmh:}; only for v2 hashes. */
    public String multihash() {
        if (bytes.length != V2_LENGTH) {
            throw new IllegalStateException("only a v2 info-hash has a multihash form");
        }
        return MULTIHASH_SHA256 + hex();
    }

    /**
     * The first 20 bytes: how a v2 hash is used where only 20 fit (trackers, DHT, the v1
     * handshake; BEP 52). A v1 hash is returned as it is.
     */
    public InfoHash truncated() {
        return bytes.length == V1_LENGTH ? this : new InfoHash(Arrays.copyOf(bytes, V1_LENGTH));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InfoHash other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Orders by length, then by unsigned bytes. */
    @Override
    public int compareTo(InfoHash other) {
        int byLength = Integer.compare(bytes.length, other.bytes.length);
        return byLength != 0 ? byLength : Arrays.compareUnsigned(bytes, other.bytes);
    }

    /** The hex form. */
    @Override
    public String toString() {
        return hex();
    }

    private static void requireLength(byte[] hash, int length) {
        if (hash.length != length) {
            throw new IllegalArgumentException("expected " + length + " hash bytes, got " + hash.length);
        }
    }

    private static String shorten(String text) {
        String cut = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        return Quote.of(cut);
    }
}
