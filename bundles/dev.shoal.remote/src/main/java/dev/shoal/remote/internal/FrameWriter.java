package dev.shoal.remote.internal;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import dev.shoal.remote.protocol.Frames;

/**
 * The server's side of one connection's output. A command's pipeline may write from several
 * threads at once (Gogo runs pipe stages on their own threads), so a frame is written whole under
 * one lock.
 */
final class FrameWriter {

    private final DataOutputStream out;

    FrameWriter(OutputStream socketOut) {
        this.out = new DataOutputStream(new BufferedOutputStream(socketOut));
    }

    synchronized void write(byte type, byte[] payload, int offset, int length) throws IOException {
        Frames.write(out, type, payload, offset, length);
    }

    void write(byte type, byte[] payload) throws IOException {
        write(type, payload, 0, payload.length);
    }

    void refuse(String reason) throws IOException {
        write(Frames.REFUSED, reason.getBytes(StandardCharsets.UTF_8));
    }

    /** An output stream whose bytes go out as frames of {@code type}, split to fit the limit. */
    OutputStream stream(byte type) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                for (int done = 0; done < length; done += Frames.MAX_PAYLOAD) {
                    FrameWriter.this.write(type, bytes, offset + done, Math.min(Frames.MAX_PAYLOAD, length - done));
                }
            }
        };
    }
}
