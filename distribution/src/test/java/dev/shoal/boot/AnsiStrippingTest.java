package dev.shoal.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AnsiStrippingTest {

    @Test
    void colourCodesAreDroppedAndTextKept() throws IOException {
        assertEquals(" 1  ubuntu.iso  100%", strip(" 1  \u001b[31;1mubuntu\u001b[0m.iso  100%"));
    }

    @Test
    void aSequenceSplitAcrossWritesIsDroppedWhole() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (AnsiStripping out = new AnsiStripping(sink)) {
            out.write("a\u001b[3".getBytes(StandardCharsets.UTF_8));
            out.write("1mb\u001b".getBytes(StandardCharsets.UTF_8));
            out.write("[0mc ∞".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("abc ∞", sink.toString(StandardCharsets.UTF_8));
    }

    private static String strip(String text) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (AnsiStripping out = new AnsiStripping(sink)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return sink.toString(StandardCharsets.UTF_8);
    }
}
