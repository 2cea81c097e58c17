package dev.shoal.create.standalone;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BencodeEncoder;
import dev.shoal.metainfo.CreateRequest;
import dev.shoal.metainfo.CreatedTorrent;
import dev.shoal.metainfo.HashProgress;
import dev.shoal.metainfo.InvalidTorrentException;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.metainfo.TorrentCreator;
import java.io.IOException;
import java.util.List;

/**
 * Makes a torrent: lists the source, hashes it, writes the file and parses it back, so a torrent
 * this returns is one Shoal itself accepts. It uses only metainfo's API: the parser checks the
 * names (the same rules a download meets) and {@link Metainfo#toBytes()} writes the file, so
 * neither rule exists twice.
 */
public final class StandaloneTorrentCreator implements TorrentCreator {

    private final PieceHasher hasher;

    /** Hashing on {@code threads} threads (at least 1), each request on a pool of its own. */
    public StandaloneTorrentCreator(int threads) {
        this.hasher = new PieceHasher(threads);
    }

    @Override
    public CreatedTorrent create(CreateRequest request, HashProgress progress) throws IOException {
        Content content = SourceScanner.scan(request.source(), request.name());
        long total = content.totalLength();
        if (total == 0) {
            throw new IOException(request.source() + " holds no data to share: every file in it is empty");
        }
        int pieceLength = request.pieceLength() == CreateRequest.AUTO_PIECE_LENGTH
                ? PieceLengths.auto(total) : request.pieceLength();
        // The layout with blank hashes, parsed before the long hashing: a name some platform cannot
        // store, or two that clash on a case-insensitive disk, fails now rather than after it.
        long pieceCount = (total + pieceLength - 1) / pieceLength;
        parse(request, bareTorrent(content, pieceLength, new byte[Math.toIntExact(pieceCount * 20)], request));
        byte[] pieces = hasher.hash(content.files(), pieceLength, progress);
        Metainfo bare = parse(request, bareTorrent(content, pieceLength, pieces, request));
        byte[] torrent = withOuterKeys(bare, request).toBytes();
        return new CreatedTorrent(torrent, parse(request, torrent));
    }

    /** A torrent file holding only the info dictionary. */
    private static byte[] bareTorrent(Content content, int pieceLength, byte[] pieces, CreateRequest request) {
        return BencodeEncoder.encode(BDictionary.builder()
                .put("info", InfoBuilder.info(content, pieceLength, pieces, request.isPrivate(), request.sourceTag()))
                .build());
    }

    /** {@code bare} with the request's trackers, web seeds, comment, creator and date. */
    private static Metainfo withOuterKeys(Metainfo bare, CreateRequest request) {
        return new Metainfo(bare.name(), bare.version(), bare.pieceLength(), bare.pieceCount(), bare.totalLength(),
                bare.files(), bare.singleFile(), request.trackerTiers(), request.webSeeds(), bare.isPrivate(),
                request.creationDate(), request.comment(), request.createdBy(), bare.source(), bare.infoHashV1(),
                bare.infoHashV2(), bare.pieces(), bare.rawInfo(), List.of());
    }

    private static Metainfo parse(CreateRequest request, byte[] torrent) throws IOException {
        try {
            return Metainfo.parse(torrent);
        } catch (InvalidTorrentException e) {
            throw new IOException("cannot make a torrent of " + request.source() + ": " + e.getMessage(), e);
        }
    }
}
