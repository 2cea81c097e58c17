package dev.shoal.remote.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.shoal.remote.protocol.Frames.Frame;
import dev.shoal.remote.protocol.Frames.ProtocolException;

class FramesTest {

    private static byte[] written(byte type, byte[] payload) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Frames.write(new DataOutputStream(bytes), type, payload);
        return bytes.toByteArray();
    }

    private static DataInputStream in(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }

    @Test
    void roundTrip() throws IOException {
        byte[] bytes = written(Frames.OUT, "héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertArrayEquals(new byte[] {'O', 0, 0, 0, 6}, Arrays.copyOf(bytes, 5), "type, then the length big-endian");
        DataInputStream in = in(bytes);
        Frame frame = Frames.read(in, Frames.MAX_PAYLOAD);
        assertEquals(Frames.OUT, frame.type());
        assertEquals("héllo", frame.text());
        assertNull(Frames.read(in, Frames.MAX_PAYLOAD), "a clean end between frames");
    }

    @Test
    void statusRoundTrip() throws IOException {
        for (int status : new int[] {0, 1, 255, -1, Integer.MAX_VALUE}) {
            assertEquals(status, new Frame(Frames.EXIT, Frames.status(status)).status());
        }
        assertThrows(ProtocolException.class, () -> new Frame(Frames.EXIT, new byte[3]).status());
    }

    @Test
    void aLengthAboveTheLimitIsRefusedBeforeReading() {
        byte[] header = {'C', 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        ProtocolException e = assertThrows(ProtocolException.class, () -> Frames.read(in(header), 100));
        assertEquals("a frame of 2147483647 bytes, more than the 100 allowed", e.getMessage());
        byte[] negative = {'C', (byte) 0xff, 0, 0, 0};
        assertThrows(ProtocolException.class, () -> Frames.read(in(negative), 100));
    }

    @Test
    void aTruncatedFrameIsAnError() throws IOException {
        byte[] bytes = written(Frames.ERR, new byte[10]);
        for (int cut = 1; cut < bytes.length; cut++) {
            byte[] truncated = Arrays.copyOf(bytes, cut);
            assertThrows(IOException.class, () -> Frames.read(in(truncated), 100), "cut at " + cut);
        }
    }
}
