package dev.shoal.engine.internal;

import dev.shoal.bencode.BList;
import dev.shoal.bencode.BString;
import dev.shoal.bencode.BValue;
import dev.shoal.bencode.BencodeEncoder;
import dev.shoal.metainfo.InvalidTorrentException;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.metainfo.Metainfo;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The torrent a magnet link stands for, once its info dictionary came from peers, and the torrent file
 * it was parsed from: that file is what the engine keeps, so it reads back as this torrent by
 * construction (no encoding and parsing again on the way from the metadata to the running torrent).
 */
record MetadataTorrent(Metainfo metainfo, byte[] file) {

    /**
     * The torrent of {@code info} with the link's trackers, each its own tier, in the link's order (as
     * libtorrent does). The info dictionary is kept byte for byte, so the info-hash stays the link's.
     *
     * @throws InvalidTorrentException when the info dictionary is not a torrent's (a peer can only send
     *                                 bytes whose hash is the link's, so the link names a bad torrent)
     */
    static MetadataTorrent of(byte[] info, MagnetLink magnet) throws InvalidTorrentException {
        ByteArrayOutputStream torrent = new ByteArrayOutputStream(info.length + 256);
        torrent.write('d');
        List<String> trackers = magnet.trackers();
        if (!trackers.isEmpty()) {
            // Keys in byte order: announce, announce-list, info.
            write(torrent, BString.of("announce"));
            write(torrent, BString.of(trackers.get(0)));
            List<BValue> tiers = new ArrayList<>(trackers.size());
            trackers.forEach(url -> tiers.add(BList.of(BString.of(url))));
            write(torrent, BString.of("announce-list"));
            write(torrent, BList.of(tiers));
        }
        write(torrent, BString.of("info"));
        torrent.writeBytes(info);
        torrent.write('e');
        byte[] file = torrent.toByteArray();
        // Parsed as the store parses it at a restart: the same bytes, the same torrent.
        return new MetadataTorrent(Metainfo.parse(file, SessionStore.PARSE), file);
    }

    private static void write(ByteArrayOutputStream out, BValue value) {
        out.writeBytes(BencodeEncoder.encode(value));
    }
}
