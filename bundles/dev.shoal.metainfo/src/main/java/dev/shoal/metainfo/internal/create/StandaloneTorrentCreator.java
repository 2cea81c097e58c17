package dev.shoal.metainfo.internal.create;

import dev.shoal.bencode.BencodeEncoder;
import dev.shoal.metainfo.CreateRequest;
import dev.shoal.metainfo.CreatedTorrent;
import dev.shoal.metainfo.HashProgress;
import dev.shoal.metainfo.InvalidTorrentException;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.metainfo.TorrentCreator;
import dev.shoal.metainfo.internal.path.PathValidator;
import dev.shoal.metainfo.internal.text.Quote;
import dev.shoal.metainfo.internal.write.TorrentWriter;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Makes a torrent: lists the source, checks its names, hashes it, writes the file and parses
 * it back, so a torrent this returns is one Shoal itself accepts.
 */
public final class StandaloneTorrentCreator implements TorrentCreator {

    private final PieceHasher hasher;

    public StandaloneTorrentCreator(int threads) {
        this.hasher = new PieceHasher(threads);
    }

    @Override
    public CreatedTorrent create(CreateRequest request, HashProgress progress) throws IOException {
        Content content = SourceScanner.scan(request.source(), request.name());
        checkNames(content);
        long total = content.totalLength();
        if (total == 0) {
            throw new IOException(request.source() + " holds no data to share: every file in it is empty");
        }
        int pieceLength = request.pieceLength() == CreateRequest.AUTO_PIECE_LENGTH
                ? PieceLengths.auto(total) : request.pieceLength();
        byte[] pieces = hasher.hash(content.files(), pieceLength, progress);
        byte[] info = BencodeEncoder.encode(
                InfoBuilder.info(content, pieceLength, pieces, request.isPrivate(), request.sourceTag()));
        byte[] torrent = TorrentWriter.write(TorrentWriter.outerKeys(request.trackerTiers(), request.webSeeds(),
                request.comment(), request.createdBy(), request.creationDate()), info);
        try {
            return new CreatedTorrent(torrent, Metainfo.parse(torrent));
        } catch (InvalidTorrentException e) {
            throw new IOException("cannot make a torrent of " + request.source() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Fails on a name some platform cannot store, before the long hashing starts. (Parsing the
     * result back would catch it too, but only afterwards.)
     */
    private static void checkNames(Content content) throws IOException {
        check(content.name(), List.of(content.name()));
        if (!content.singleFile()) {
            for (SourceFile file : content.files()) {
                for (String component : file.torrentPath()) {
                    check(component, file.torrentPath());
                }
            }
        }
    }

    private static void check(String component, List<String> path) throws IOException {
        Optional<String> problem = PathValidator.problem(component);
        if (problem.isPresent()) {
            throw new IOException("cannot put " + Quote.of(String.join("/", path)) + " into a torrent: "
                    + problem.get());
        }
    }
}
