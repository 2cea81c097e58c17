package dev.shoal.test.support;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;

/**
 * An attacker on a plain socket that asks a seed for far more than it will ever read: it
 * handshakes (announcing the fast extension, BEP 6), says it is interested, waits to be unchoked,
 * then sends {@code request}s for valid 16 KiB blocks as fast as the socket takes them, and from then
 * on never reads. It notes how many requests went out before the seed closed the connection, and
 * when (a write fails once the seed is gone: after the flood it writes a keep-alive every
 * {@value #PROBE_MILLIS} ms to find out).
 */
public final class RequestFlooder implements AutoCloseable {

    public static final int BLOCK = 16 * 1024;
    private static final int PROBE_MILLIS = 100;
    private static final int UNCHOKE = 1;
    private static final int INTERESTED = 2;
    private static final int REQUEST = 6;

    /**
     * What the flood came to.
     *
     * @param sent          requests written to the socket before a write failed (or all of them)
     * @param disconnected  whether the seed closed the connection within the time given
     * @param afterUnchoke  from the unchoke until the seed's close was seen (or until the time ran out)
     */
    public record Outcome(int sent, boolean disconnected, Duration afterUnchoke) {
    }

    private final Socket socket;

    private RequestFlooder(Socket socket) {
        this.socket = socket;
    }

    /**
     * Connects, handshakes for {@code infoHashHex}, says interested and waits (at most
     * {@code unchokeWithin}) for the unchoke.
     */
    public static RequestFlooder unchokedBy(InetSocketAddress seed, String infoHashHex, Duration unchokeWithin)
            throws IOException {
        Socket socket = new Socket();
        RequestFlooder flooder = new RequestFlooder(socket);
        try {
            socket.connect(seed, 10_000);
            socket.setSoTimeout((int) unchokeWithin.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(HostilePeers.handshake(HexFormat.of().parseHex(infoHashHex),
                    HostilePeers.peerId(new Random()), true));
            out.write(new byte[] {0, 0, 0, 1, INTERESTED});
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            in.readFully(new byte[68]);
            while (true) {
                int length = in.readInt();
                if (length < 0 || length > (1 << 21)) {
                    throw new IOException("a message of " + length + " bytes from the seed");
                }
                byte[] message = new byte[length];
                in.readFully(message);
                if (length == 1 && message[0] == UNCHOKE) {
                    return flooder;
                }
            }
        } catch (IOException | RuntimeException e) {
            flooder.close();
            throw e;
        }
    }

    /**
     * Sends {@code count} requests for blocks of a torrent of {@code pieceCount} pieces of
     * {@code pieceLength} bytes (cycling over the pieces, every block whole), never reading; then
     * probes until the seed closes the connection or {@code within} (from now) is over.
     */
    public Outcome flood(int count, int pieceCount, long pieceLength, Duration within) {
        long start = System.nanoTime();
        long deadline = start + within.toNanos();
        int blocksPerPiece = (int) (pieceLength / BLOCK);
        int sent = 0;
        try {
            OutputStream out = socket.getOutputStream();
            ByteBuffer batch = ByteBuffer.allocate(17 * 256);
            while (sent < count) {
                batch.clear();
                int inBatch = Math.min(256, count - sent);
                for (int i = 0; i < inBatch; i++) {
                    int n = sent + i;
                    batch.putInt(13).put((byte) REQUEST).putInt(n % pieceCount)
                            .putInt((n / pieceCount) % blocksPerPiece * BLOCK).putInt(BLOCK);
                }
                out.write(batch.array(), 0, batch.position());
                sent += inBatch;
            }
            out.flush();
            while (System.nanoTime() - deadline < 0) {
                Thread.sleep(PROBE_MILLIS);
                out.write(new byte[4]);
                out.flush();
            }
            return new Outcome(sent, false, Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException closed) {
            return new Outcome(sent, true, Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(sent, false, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
