package dev.shoal.boot;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Drops ANSI escape sequences (ESC [ ... final byte) from what passes. The daemon's Gogo session
 * takes its output for a terminal, so {@code grep} marks matches in colour; when {@code shoal cli}
 * writes to a pipe or a file, those codes would end up in the data. A sequence split across writes
 * is still dropped whole.
 */
final class AnsiStripping extends FilterOutputStream {

    private static final int ESC = 0x1b;

    private enum State { TEXT, ESCAPE, SEQUENCE }

    private State state = State.TEXT;

    AnsiStripping(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        switch (state) {
            case TEXT -> {
                if (b == ESC) {
                    state = State.ESCAPE;
                } else {
                    out.write(b);
                }
            }
            case ESCAPE -> state = b == '[' ? State.SEQUENCE : State.TEXT;
            // Parameters and intermediates are 0x20..0x3f; the final byte is 0x40..0x7e.
            case SEQUENCE -> {
                if (b >= 0x40 && b <= 0x7e) {
                    state = State.TEXT;
                }
            }
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i] & 0xff);
        }
    }
}
