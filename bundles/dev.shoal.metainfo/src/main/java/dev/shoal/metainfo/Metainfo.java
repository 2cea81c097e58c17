package dev.shoal.metainfo;

import dev.shoal.bencode.DecoderLimits;
import dev.shoal.metainfo.internal.parse.MetainfoParser;
import dev.shoal.metainfo.internal.write.TorrentWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A parsed, validated torrent file. Obtain one from {@link #parse(byte[])}; the canonical
 * constructor only checks that the parts fit together, not that they match {@code rawInfo}.
 *
 * @param name         the suggested name: the file name of a single-file torrent, the directory
 *                     name of a multi-file one (checked by the path policy)
 * @param version      which hash schemes the info dictionary carries
 * @param pieceLength  bytes per piece
 * @param pieceCount   number of pieces (v2-only: the sum over files, each starting a new piece)
 * @param totalLength  sum of all file lengths, pad files included
 * @param files        the files in torrent order
 * @param singleFile   true when the torrent is one file rather than a directory
 * @param trackers     announce URLs in tiers (BEP 12); 'announce-list' when it has any, else
 *                     'announce' as the only tier; no empty tiers, no URL twice
 * @param webSeeds     BEP 19 'url-list'
 * @param isPrivate    BEP 27: peers only from the trackers, no DHT, PEX or local discovery
 * @param creationDate 'creation date'
 * @param comment      'comment'
 * @param createdBy    'created by'
 * @param source       info 'source' (private trackers use it to make hashes unique)
 * @param infoHashV1   SHA-1 of the info dictionary's bytes, for v1 and hybrid torrents
 * @param infoHashV2   SHA-256 of the same bytes, for v2 and hybrid torrents
 * @param pieces       the v1 piece hashes, 20 bytes each, or empty for a v2-only torrent
 * @param rawInfo      the info dictionary exactly as it stood in the file
 * @param warnings     what parsing tolerated or rewrote, one sentence each
 */
public record Metainfo(String name, TorrentVersion version, int pieceLength, int pieceCount, long totalLength,
        List<FileEntry> files, boolean singleFile, List<List<String>> trackers, List<String> webSeeds,
        boolean isPrivate, Optional<Instant> creationDate, Optional<String> comment, Optional<String> createdBy,
        Optional<String> source, Optional<InfoHash> infoHashV1, Optional<InfoHash> infoHashV2, byte[] pieces,
        byte[] rawInfo, List<String> warnings) {

    /** Bytes in one v1 piece hash. */
    public static final int PIECE_HASH_BYTES = 20;

    public Metainfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        if (pieceLength <= 0 || pieceCount < 0 || totalLength < 0) {
            throw new IllegalArgumentException("piece length, piece count and total length must be positive");
        }
        files = List.copyOf(files);
        if (files.isEmpty() || files.stream().mapToLong(FileEntry::length).sum() != totalLength) {
            throw new IllegalArgumentException("the file lengths must add up to the total length");
        }
        List<List<String>> tiers = new ArrayList<>(trackers.size());
        for (List<String> tier : trackers) {
            tiers.add(List.copyOf(tier));
        }
        trackers = List.copyOf(tiers);
        webSeeds = List.copyOf(webSeeds);
        Objects.requireNonNull(creationDate, "creationDate");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(source, "source");
        if (version.hasV1() != infoHashV1.isPresent() || version.hasV2() != infoHashV2.isPresent()) {
            throw new IllegalArgumentException("a " + version + " torrent needs exactly its info-hashes");
        }
        if (version.hasV1() ? pieces.length != pieceCount * PIECE_HASH_BYTES : pieces.length != 0) {
            throw new IllegalArgumentException("pieces must hold one 20-byte hash per piece, for v1 only");
        }
        pieces = pieces.clone();
        rawInfo = rawInfo.clone();
        warnings = List.copyOf(warnings);
    }

    /** Parses and validates a torrent file with {@link ParseOptions#DEFAULT}. */
    public static Metainfo parse(byte[] torrent) throws InvalidTorrentException {
        return parse(torrent, ParseOptions.DEFAULT);
    }

    /** Parses and validates a torrent file. */
    public static Metainfo parse(byte[] torrent, ParseOptions options) throws InvalidTorrentException {
        return new MetainfoParser(options).parse(torrent);
    }

    /** Parses with the given decoder limits and the rejecting path policy. */
    public static Metainfo parse(byte[] torrent, DecoderLimits limits)
            throws InvalidTorrentException {
        return parse(torrent, ParseOptions.DEFAULT.withLimits(limits));
    }

    /** The v1 hash of piece {@code index} (20 bytes). */
    public byte[] pieceHash(int index) {
        if (!version.hasV1()) {
            throw new UnsupportedOperationException("a v2-only torrent has no v1 piece hashes");
        }
        Objects.checkIndex(index, pieceCount);
        return Arrays.copyOfRange(pieces, index * PIECE_HASH_BYTES, (index + 1) * PIECE_HASH_BYTES);
    }

    /** Length of piece {@code index}: the piece length, except for a shorter last v1 piece. */
    public int pieceSize(int index) {
        Objects.checkIndex(index, pieceCount);
        if (version.hasV1() && index == pieceCount - 1) {
            return (int) (totalLength - (long) index * pieceLength);
        }
        return pieceLength;
    }

    @Override
    public byte[] pieces() {
        return pieces.clone();
    }

    @Override
    public byte[] rawInfo() {
        return rawInfo.clone();
    }

    /** The v1 hash for v1 and hybrid torrents, the v2 hash for v2-only ones. */
    public InfoHash infoHash() {
        return infoHashV1.or(() -> infoHashV2).orElseThrow();
    }

    /**
     * The torrent file: the info dictionary exactly as parsed (so the info-hashes stay the same)
     * and the other keys written from this value's fields. Keys this type does not model, such
     * as a v2 torrent's 'piece layers', are not written.
     */
    public byte[] toBytes() {
        return TorrentWriter.write(this);
    }

    /** A magnet link with the hashes, name, trackers and web seeds. */
    public MagnetLink toMagnetLink() {
        List<String> flatTrackers = new ArrayList<>();
        trackers.forEach(flatTrackers::addAll);
        return new MagnetLink(infoHashV1, infoHashV2, Optional.of(name), flatTrackers, webSeeds, List.of(),
                new TreeSet<>());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Metainfo other && Arrays.equals(rawInfo, other.rawInfo)
                && trackers.equals(other.trackers) && webSeeds.equals(other.webSeeds)
                && creationDate.equals(other.creationDate) && comment.equals(other.comment)
                && createdBy.equals(other.createdBy) && files.equals(other.files) && name.equals(other.name);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(rawInfo);
    }

    @Override
    public String toString() {
        return "Metainfo[" + name + ", " + version + ", " + infoHash() + ", " + files.size() + " files, "
                + totalLength + " bytes]";
    }
}
