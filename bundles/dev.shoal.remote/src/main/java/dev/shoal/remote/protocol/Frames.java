package dev.shoal.remote.protocol;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The wire format, defined once for the server and the client. Every message is a frame: one type
 * byte, the payload's length as a 4-byte big-endian integer, then the payload.
 *
 * <pre>
 * client                                   server
 *   HELLO  version byte + token (hex)  -&gt;
 *                                      &lt;-  READY (empty)       or REFUSED reason, then close
 *   COMMAND  one Gogo command line     -&gt;
 *                                      &lt;-  OUT / ERR bytes, any number, in the order written
 *                                      &lt;-  EXIT status (4-byte int): 0 ok, 1 the command threw
 *   COMMAND ...                        -&gt;     (one Gogo session per connection: variables persist)
 * </pre>
 *
 * A server that cannot go on (wrong token, too many sessions, a line too long, idle too long) sends
 * REFUSED with a one-line reason and closes the connection.
 */
public final class Frames {

    /** The version a client sends in HELLO. */
    public static final int VERSION = 1;

    public static final byte HELLO = 'H';
    public static final byte READY = 'R';
    public static final byte COMMAND = 'C';
    public static final byte OUT = 'O';
    public static final byte ERR = 'E';
    public static final byte EXIT = 'X';
    public static final byte REFUSED = 'N';

    /** The longest command line, in UTF-8 bytes; also the longest frame either side accepts. */
    public static final int MAX_PAYLOAD = 64 * 1024;

    private Frames() {
    }

    /** One frame as read. */
    public record Frame(byte type, byte[] payload) {

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** EXIT's status. */
        public int status() throws ProtocolException {
            if (payload.length != 4) {
                throw new ProtocolException("an exit frame of " + payload.length + " bytes");
            }
            return (payload[0] & 0xff) << 24 | (payload[1] & 0xff) << 16 | (payload[2] & 0xff) << 8
                    | payload[3] & 0xff;
        }
    }

    /** A frame that breaks the format: too long, or not the kind expected. */
    public static final class ProtocolException extends IOException {
        private static final long serialVersionUID = 1L;

        public ProtocolException(String message) {
            super(message);
        }
    }

    /**
     * Reads one frame; a length above {@code maxPayload} is refused before anything is allocated.
     *
     * @return null at a clean end of stream (between frames)
     */
    public static Frame read(DataInputStream in, int maxPayload) throws IOException {
        int type = in.read();
        if (type < 0) {
            return null;
        }
        int length = in.readInt();
        if (length < 0 || length > maxPayload) {
            throw new ProtocolException("a frame of " + Integer.toUnsignedString(length)
                    + " bytes, more than the " + maxPayload + " allowed");
        }
        byte[] payload = new byte[length];
        try {
            in.readFully(payload);
        } catch (EOFException e) {
            throw new ProtocolException("the connection ended inside a frame");
        }
        return new Frame((byte) type, payload);
    }

    /** Writes one frame and flushes it. */
    public static void write(DataOutputStream out, byte type, byte[] payload, int offset, int length)
            throws IOException {
        out.writeByte(type);
        out.writeInt(length);
        out.write(payload, offset, length);
        out.flush();
    }

    public static void write(DataOutputStream out, byte type, byte[] payload) throws IOException {
        write(out, type, payload, 0, payload.length);
    }

    public static void write(DataOutputStream out, byte type, String text) throws IOException {
        write(out, type, text.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] status(int status) {
        return new byte[] {(byte) (status >>> 24), (byte) (status >>> 16), (byte) (status >>> 8), (byte) status};
    }

    /** HELLO's payload: the version, then the token. */
    public static byte[] hello(String token) {
        byte[] tokenBytes = token.getBytes(StandardCharsets.US_ASCII);
        byte[] payload = new byte[tokenBytes.length + 1];
        payload[0] = (byte) VERSION;
        System.arraycopy(tokenBytes, 0, payload, 1, tokenBytes.length);
        return payload;
    }
}
