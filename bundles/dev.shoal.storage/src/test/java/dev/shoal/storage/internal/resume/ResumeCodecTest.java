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
import java.util.List;
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
