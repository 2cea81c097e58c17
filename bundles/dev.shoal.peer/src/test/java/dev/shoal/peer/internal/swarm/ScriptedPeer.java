package dev.shoal.peer.internal.swarm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BInteger;
import dev.shoal.bencode.BencodeDecoder;
import dev.shoal.bencode.BencodeEncoder;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.peer.internal.pex.PexMessage;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * A peer scripted by a test over a plain socket: the BitTorrent handshake with the extension bit
 * (BEP 10), then whatever extended messages the test writes, good or hostile. Blocking, each read
 * bounded by a socket time-out.
 */
final class ScriptedPeer implements AutoCloseable {

    /** A message as it came: id (-1 for a keep-alive) and payload. */
    record Message(int id, byte[] payload) {
    }

    static final int EXTENDED = 20;
    private static final byte[] PROTOCOL = "BitTorrent protocol".getBytes(StandardCharsets.US_ASCII);

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    /** Dials {@code port} on 127.0.0.1 and handshakes for {@code infoHash}; fails unless answered for it. */
    ScriptedPeer(int port, InfoHash infoHash) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = new DataOutputStream(socket.getOutputStream());
        byte[] reserved = new byte[8];
        reserved[5] = 0x10;
        out.write(PROTOCOL.length);
        out.write(PROTOCOL);
        out.write(reserved);
        out.write(infoHash.truncated().bytes());
        out.write("-XX0001-scriptedpeer".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        byte[] theirs = new byte[68];
        in.readFully(theirs);
        assertEquals(0x10, theirs[25] & 0x10, "the answer sets the extension bit");
        assertArrayEquals(infoHash.truncated().bytes(), Arrays.copyOfRange(theirs, 28, 48));
    }

    /** A message of any kind: {@code id}, then {@code payload}. */
    void send(int id, byte[] payload) throws IOException {
        out.writeInt(1 + payload.length);
        out.write(id);
        out.write(payload);
        out.flush();
    }

    void sendExtended(int id, byte[] payload) throws IOException {
        out.writeInt(2 + payload.length);
        out.write(EXTENDED);
        out.write(id);
        out.write(payload);
        out.flush();
    }

    /** The next message. */
    Message read() throws IOException {
        int length = in.readInt();
        if (length == 0) {
            return new Message(-1, new byte[0]);
        }
        int id = in.readUnsignedByte();
        byte[] payload = new byte[length - 1];
        in.readFully(payload);
        return new Message(id, payload);
    }

    /** The next extended message's dictionary and extended id, skipping other messages. */
    Message readExtended() throws IOException {
        while (true) {
            Message message = read();
            if (message.id() == EXTENDED) {
                return new Message(message.payload()[0] & 0xFF,
                        Arrays.copyOfRange(message.payload(), 1, message.payload().length));
            }
        }
    }

    /**
     * Sends our extended handshake (ut_pex as id 1, so a swarm that offers it may send us its own) and
     * gives the {@code m} of theirs.
     */
    BDictionary pexHandshake() throws Exception {
        sendExtended(0, encode(BDictionary.builder()
                .put("m", BDictionary.builder().put(PexMessage.EXTENSION, 1).build()).put("v", "scripted").build()));
        Message theirs = readExtended();
        assertEquals(0, theirs.id(), "their extended handshake comes first");
        return (BDictionary) dictionary(theirs.payload()).get("m").orElseThrow();
    }

    /** True once the other side closed the connection within {@code limit}, false when it stayed open. */
    boolean closedWithin(Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                read();
            } catch (EOFException e) {
                return true;
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true; // reset by the peer
            }
        }
        return false;
    }

    static BDictionary dictionary(byte[] payload) throws Exception {
        return (BDictionary) new BencodeDecoder().decodePrefix(payload).value();
    }

    static long integer(BDictionary dictionary, String key) {
        return ((BInteger) dictionary.get(key).orElseThrow()).value();
    }

    /** Our ut_metadata id in the handshake the other side sent. */
    static int utMetadataId(byte[] handshake) throws Exception {
        return (int) integer((BDictionary) dictionary(handshake).get("m").orElseThrow(), "ut_metadata");
    }

    static byte[] encode(BDictionary dictionary) {
        return BencodeEncoder.encode(dictionary);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
