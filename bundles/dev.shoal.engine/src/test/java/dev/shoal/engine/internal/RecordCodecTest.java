package dev.shoal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BencodeEncoder;
import dev.shoal.engine.api.FilePriority;
import dev.shoal.engine.api.IdleLimit;
import dev.shoal.engine.api.RateLimits;
import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.internal.RecordCodec.Session;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.storage.api.PieceSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RecordCodecTest {

    static final InfoHash HASH = InfoHash.fromHex("0123456789abcdef0123456789abcdef01234567");

    static TorrentRecord record(TorrentState state, Optional<String> error, SeedGoal goal) {
        BitSet bits = new BitSet();
        bits.set(0);
        bits.set(9);
        return new TorrentRecord(42, HASH, Path.of("/data/dl/ü dir"), state, error, goal, new RateLimits(1000, 0),
                List.of(FilePriority.SKIP, FilePriority.NORMAL, FilePriority.HIGH), PieceSet.of(bits, 10),
                new Transfer.Counts(123_456_789_012L, 99, 7), Duration.ofMillis(3_600_123),
                Instant.ofEpochMilli(1_700_000_000_123L), Optional.empty());
    }

    @Test
    void a_record_reads_back_as_written() {
        for (TorrentRecord record : List.of(record(TorrentState.QUEUED, Optional.empty(), SeedGoal.DEFAULT),
                record(TorrentState.ERROR, Optional.of("disk full writing /x"), SeedGoal.FOREVER),
                record(TorrentState.FINISHED, Optional.empty(),
                        new SeedGoal(OptionalDouble.of(0.1 + 0.2), Optional.of(Duration.ofMinutes(90)))))) {
            assertEquals(record, RecordCodec.decodeTorrent(RecordCodec.encode(record)));
        }
    }

    @Test
    void labels_dates_idle_limit_and_renamed_paths_read_back_and_a_record_without_them_loads() throws Exception {
        TorrentRecord plain = record(TorrentState.PAUSED, Optional.empty(), SeedGoal.DEFAULT);
        TorrentRecord.Extras extras = new TorrentRecord.Extras(Optional.of(Instant.ofEpochMilli(1_700_000_100_000L)),
                Optional.of(Instant.ofEpochMilli(1_700_000_200_000L)), List.of("tv", "ünï code"),
                IdleLimit.of(Duration.ofMinutes(45)), Duration.ofMillis(77_000),
                List.of(List.of("top", "a.bin"), List.of("top", "sub", "b.bin")),
                Optional.of(List.of(List.of("udp://t.example:6969/announce"), List.of("https://u.example/a"))),
                Optional.of(Instant.ofEpochMilli(1_700_000_300_000L)));
        TorrentRecord full = new TorrentRecord(plain.id(), plain.infoHash(), plain.downloadDirectory(), plain.state(),
                plain.error(), plain.seedGoal(), plain.rateLimits(), plain.priorities(), plain.verified(),
                plain.transfer(), plain.seeding(), plain.added(), plain.magnet(), extras);
        assertEquals(full, RecordCodec.decodeTorrent(RecordCodec.encode(full)));

        // A record written before these keys existed: no dates, no labels, the global idle limit.
        BDictionary.Builder old = BDictionary.builder();
        BDictionary written = (BDictionary) new dev.shoal.bencode.BencodeDecoder().decode(RecordCodec.encode(plain))
                .value();
        written.entries().forEach((key, value) -> {
            if (!List.of("done ms", "active ms", "labels", "idle mode", "idle seconds", "downloading ms", "paths",
                    "trackers", "edited ms")
                    .contains(key.asString())) {
                old.put(key, value);
            }
        });
        TorrentRecord loaded = RecordCodec.decodeTorrent(BencodeEncoder.encode(old.build()));
        assertEquals(TorrentRecord.Extras.NONE, loaded.extras());
        assertEquals(plain, loaded);
    }

    @Test
    void a_magnet_record_reads_back_with_its_link_and_an_old_record_without_one() throws Exception {
        MagnetLink link = MagnetLink.parse("magnet:?xt=urn:btih:" + HASH.hex() + "&dn=a%20b&tr=http://t/announce"
                + "&x.pe=127.0.0.1:6881");
        TorrentRecord magnet = new TorrentRecord(3, HASH, Path.of("/dl"), TorrentState.PAUSED, Optional.empty(),
                SeedGoal.DEFAULT, RateLimits.UNLIMITED, List.of(), PieceSet.empty(0), Transfer.Counts.ZERO,
                Duration.ZERO, Instant.ofEpochMilli(1_700_000_000_000L), Optional.of(link));
        assertEquals(magnet, RecordCodec.decodeTorrent(RecordCodec.encode(magnet)));
        byte[] old = RecordCodec.encode(record(TorrentState.PAUSED, Optional.empty(), SeedGoal.DEFAULT));
        assertTrue(RecordCodec.decodeTorrent(old).magnet().isEmpty());
    }

    @Test
    void a_session_reads_back_as_written() {
        Session session = new Session(17, List.of(HASH, InfoHash.fromHex("ff".repeat(20))));
        assertEquals(session, RecordCodec.decodeSession(RecordCodec.encode(session)));
    }

    @Test
    void unreadable_records_say_why_in_one_line() {
        byte[] good = RecordCodec.encode(record(TorrentState.PAUSED, Optional.empty(), SeedGoal.DEFAULT));
        assertReason("not bencode", Arrays.copyOf(good, good.length - 3));
        assertReason("not shoal-torrent version 1", RecordCodec.encode(new Session(1, List.of())));
        String text = new String(good, StandardCharsets.ISO_8859_1);
        assertReason("not a kept state: seeding",
                text.replace("5:state6:paused", "5:state7:seeding").getBytes(StandardCharsets.ISO_8859_1));
        assertReason("no such file priority: 3",
                text.replace("10:priorities3:\0\1\2", "10:priorities3:\0\1\3").getBytes(StandardCharsets.ISO_8859_1));
        assertReason("no 'state'", BencodeEncoder.encode(BDictionary.builder().put("format", "shoal-torrent")
                .put("version", 1).build()));
        assertReason("not a 40 or 64 digit hex info-hash",
                text.replace(HASH.hex(), "zz" + HASH.hex().substring(2)).getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void assertReason(String expected, byte[] bytes) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecordCodec.decodeTorrent(bytes));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
