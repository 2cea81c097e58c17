package dev.shoal.storage.internal.resume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.bencode.DecoderLimits;
import dev.shoal.storage.api.PieceSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeCodecTest {

    @TempDir
    Path temp;

    private final ResumeData data = new ResumeData(new byte[20], new PieceSet(10, new byte[] {(byte) 0xa0, 0x40}),
            List.of(new FileStamp(123, 1_700_000_000_123_456_789L), FileStamp.ABSENT));

    @Test
    void round_trips() {
        ResumeData back = ResumeCodec.decode(ResumeCodec.encode(data), DecoderLimits.DEFAULT);
        assertArrayEquals(data.infoHash(), back.infoHash());
        assertEquals(data.verified(), back.verified());
        assertEquals(data.files(), back.files());
    }

    @Test
    void round_trips_the_blocks_of_unfinished_pieces_and_the_journal_generation() {
        BitSet blocks = new BitSet();
        blocks.set(0);
        blocks.set(9);
        ResumeData partial = new ResumeData(new byte[20], new PieceSet(10, new byte[] {(byte) 0xa0, 0x40}),
                Map.of(3, blocks), List.of(FileStamp.ABSENT), 7);
        ResumeData back = ResumeCodec.decode(ResumeCodec.encode(partial), DecoderLimits.DEFAULT);
        assertEquals(Map.of(3, blocks), back.unfinished());
        assertEquals(7, back.generation());
    }

    @Test
    void version_1_files_are_read_without_blocks_or_journal() {
        String v1 = "d5:filesle6:format12:shoal-resume9:info-hash0:11:piece counti2e6:pieces1:\u0080"
                + "7:versioni1ee";
        ResumeData back = ResumeCodec.decode(v1.getBytes(StandardCharsets.ISO_8859_1), DecoderLimits.DEFAULT);
        assertTrue(back.verified().has(0));
        assertEquals(Map.of(), back.unfinished());
        assertEquals(0, back.generation());
    }

    @Test
    void an_unfinished_piece_that_is_verified_or_out_of_range_is_refused() {
        for (int piece : new int[] {0, 10, -1}) {
            ResumeData bad = new ResumeData(new byte[20], new PieceSet(10, new byte[] {(byte) 0x80, 0}),
                    Map.of(piece, BitSet.valueOf(new long[] {1})), List.of(), 1);
            assertThrows(IllegalArgumentException.class,
                    () -> ResumeCodec.decode(ResumeCodec.encode(bad), DecoderLimits.DEFAULT), "piece " + piece);
        }
    }

    @Test
    void anything_else_is_refused_with_a_reason() {
        for (String bad : new String[] {"", "i1e", "d6:format5:otheree", "d6:format12:shoal-resume7:versioni2ee",
                "d5:filesle6:format12:shoal-resume9:info-hash0:11:piece counti10e6:pieces1:x7:versioni1ee"}) {
            assertThrows(IllegalArgumentException.class,
                    () -> ResumeCodec.decode(bad.getBytes(StandardCharsets.ISO_8859_1), DecoderLimits.DEFAULT), bad);
        }
    }

    @Test
    void random_bytes_never_escape_as_anything_but_a_refusal() {
        Random random = new Random(42);
        byte[] good = ResumeCodec.encode(data);
        for (int i = 0; i < 2000; i++) {
            byte[] mutated = good.clone();
            mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            try {
                ResumeCodec.decode(mutated, DecoderLimits.DEFAULT);
            } catch (IllegalArgumentException expected) {
                // refused: fine
            }
        }
    }

    @Test
    void the_file_is_replaced_whole_and_a_missing_one_is_no_problem() throws Exception {
        ResumeFile file = new ResumeFile(temp.resolve("a/b.resume"));
        ResumeFile.Loaded nothing = file.load();
        assertTrue(nothing.data().isEmpty());
        assertTrue(nothing.problem().isEmpty());
        file.save(data);
        file.save(data);
        assertEquals(data.verified(), file.load().data().orElseThrow().verified());
        assertFalse(Files.exists(temp.resolve("a/b.resume.tmp")));
        Files.write(file.path(), new byte[] {'d'});
        assertTrue(file.load().problem().orElseThrow().contains("b.resume"));
    }
}
