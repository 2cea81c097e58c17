package dev.shoal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BString;
import dev.shoal.bencode.BencodeEncoder;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.InvalidTorrentException;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.metainfo.Metainfo;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The torrent file made of a magnet's fetched info dictionary is what the engine keeps without
 * encoding it again: it must read back, as the store reads it after a restart, as the same torrent.
 */
class MetadataTorrentTest {

    private static byte[] info(String name, long length) {
        int pieceLength = 16 * 1024;
        int pieces = (int) ((length + pieceLength - 1) / pieceLength);
        return BencodeEncoder.encode(BDictionary.builder().put("length", length).put("name", name)
                .put("piece length", pieceLength).put("pieces", BString.of(new byte[pieces * 20])).build());
    }

    private static MagnetLink link(byte[] info, List<String> trackers) throws Exception {
        InfoHash hash = InfoHash.v1(MessageDigest.getInstance("SHA-1").digest(info));
        return new MagnetLink(Optional.of(hash), Optional.empty(), Optional.of("x"), trackers, List.of(), List.of(),
                new TreeSet<>());
    }

    @Test
    void the_kept_file_reads_back_as_the_same_torrent_with_the_links_trackers() throws Exception {
        byte[] info = info("clip.bin", 100_000);
        MagnetLink magnet = link(info, List.of("http://a.example/announce", "udp://b.example:6969"));

        MetadataTorrent torrent = MetadataTorrent.of(info, magnet);

        Metainfo back = Metainfo.parse(torrent.file(), SessionStore.PARSE);
        assertEquals(magnet.infoHash(), back.infoHash());
        assertEquals(torrent.metainfo().infoHash(), back.infoHash());
        assertEquals(torrent.metainfo().files(), back.files());
        assertArrayEquals(info, back.rawInfo(), "the info dictionary byte for byte");
        assertEquals(List.of(List.of("http://a.example/announce"), List.of("udp://b.example:6969")), back.trackers());
    }

    @Test
    void a_link_without_trackers_gives_a_file_of_the_info_dictionary_alone() throws Exception {
        byte[] info = info("a.bin", 1);
        MetadataTorrent torrent = MetadataTorrent.of(info, link(info, List.of()));

        assertEquals(List.of(), Metainfo.parse(torrent.file(), SessionStore.PARSE).trackers());
        assertEquals("d4:info" + new String(info, ISO_8859_1) + "e",
                new String(torrent.file(), ISO_8859_1));
    }

    @Test
    void an_info_dictionary_that_is_no_torrents_is_refused() throws Exception {
        byte[] info = BencodeEncoder.encode(BDictionary.builder().put("name", "x").build());
        assertThrows(InvalidTorrentException.class, () -> MetadataTorrent.of(info, link(info, List.of())));
    }
}
