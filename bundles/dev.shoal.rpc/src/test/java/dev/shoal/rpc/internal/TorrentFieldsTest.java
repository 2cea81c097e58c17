package dev.shoal.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fields of a {@code torrent-get} are resolved once, as the client asked for them. */
class TorrentFieldsTest {

    @Test
    void keepsTheClientsSpellingAndOrderAndLeavesOutUnknownFields() {
        List<TorrentFields.Field> fields = TorrentFields.resolve(
                List.of("name", "noSuchField", "hash_string", "availability", "queuePosition", "name"));
        assertEquals(List.of("name", "hash_string", "queuePosition"),
                fields.stream().map(TorrentFields.Field::name).toList());
    }

    @Test
    void twoSpellingsOfOneFieldAreBothAnswered() {
        List<TorrentFields.Field> fields = TorrentFields.resolve(List.of("downloadDir", "download_dir"));
        assertEquals(List.of("downloadDir", "download_dir"), fields.stream().map(TorrentFields.Field::name).toList());
        assertEquals(fields.get(0).value(), fields.get(1).value());
    }
}
