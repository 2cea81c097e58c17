package dev.shoal.metainfo.internal.parse;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BencodeDecoder;
import dev.shoal.bencode.BencodeException;
import dev.shoal.bencode.BencodeWarning;
import dev.shoal.bencode.Decoded;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.InvalidTorrentException;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.metainfo.ParseOptions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns torrent bytes into a {@link Metainfo}: decodes, checks the info dictionary strictly and
 * the keys around it leniently, and hashes the info dictionary's bytes exactly as they stand in
 * the file (re-encoding would change the hash of a torrent with unsorted keys).
 */
public final class MetainfoParser {

    private final ParseOptions options;

    public MetainfoParser(ParseOptions options) {
        this.options = options;
    }

    public Metainfo parse(byte[] torrent) throws InvalidTorrentException {
        Decoded decoded;
        try {
            decoded = new BencodeDecoder(options.limits()).decode(torrent);
        } catch (BencodeException e) {
            throw new InvalidTorrentException("not a torrent: " + e.getMessage(), e);
        }
        List<String> warnings = new ArrayList<>();
        for (BencodeWarning warning : decoded.warnings()) {
            warnings.add(warning.toString());
        }
        if (!(decoded.value() instanceof BDictionary)) {
            throw new InvalidTorrentException("not a torrent: the file is not a bencoded dictionary");
        }
        Fields root = new Fields((BDictionary) decoded.value(), "");
        if (!root.has("info")) {
            throw new InvalidTorrentException("not a torrent: there is no info dictionary");
        }
        Fields info = root.dictionary("info");
        ParsedInfo parsed = new InfoReader(options.pathPolicy(), warnings).read(info);
        if (parsed.version().hasV2()) {
            PieceLayers.check(root.dictionary(), parsed.files(), parsed.pieceLength(), warnings);
        }

        BDictionary rootDictionary = root.dictionary();
        Texts texts = new Texts(options.pathPolicy(), warnings);
        byte[] rawInfo = info.dictionary().rawBytes();
        Optional<InfoHash> v1 = parsed.version().hasV1()
                ? Optional.of(InfoHash.v1(digest("SHA-1", rawInfo))) : Optional.empty();
        Optional<InfoHash> v2 = parsed.version().hasV2()
                ? Optional.of(InfoHash.v2(digest("SHA-256", rawInfo))) : Optional.empty();
        return new Metainfo(parsed.name(), parsed.version(), parsed.pieceLength(), parsed.pieceCount(),
                parsed.totalLength(), parsed.files(), parsed.singleFile(),
                Trackers.tiers(rootDictionary, warnings), Trackers.webSeeds(rootDictionary, warnings),
                parsed.isPrivate(), RootFields.creationDate(rootDictionary, warnings),
                RootFields.text(rootDictionary, "comment", texts, warnings),
                RootFields.text(rootDictionary, "created by", texts, warnings), parsed.source(), v1, v2,
                parsed.pieces(), rawInfo, warnings);
    }

    static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }
}
