package dev.shoal.peer.internal.mina;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.shoal.peer.internal.codec.Frames;
import dev.shoal.peer.internal.codec.HandshakeCodec;
import dev.shoal.peer.internal.codec.WireException;
import dev.shoal.peer.internal.codec.WireLimits;
import dev.shoal.peer.internal.wire.AllowedFast;
import dev.shoal.peer.internal.wire.Bitfield;
import dev.shoal.peer.internal.wire.Cancel;
import dev.shoal.peer.internal.wire.Handshake;
import dev.shoal.peer.internal.wire.Have;
import dev.shoal.peer.internal.wire.PeerMessage;
import dev.shoal.peer.internal.wire.Piece;
import dev.shoal.peer.internal.wire.RejectRequest;
import dev.shoal.peer.internal.wire.Request;
import dev.shoal.peer.internal.wire.SuggestPiece;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.filter.codec.ProtocolCodecSession;
import org.apache.mina.filter.codec.ProtocolDecoderException;

/**
 * Coverage-guided fuzzing of the peer wire decoder (Jazzer), driven as MINA drives it: the real
 * {@link PeerWireDecoder} on MINA's own {@link ProtocolCodecSession}, fed read by read through the
 * loop of {@code ProtocolCodecFilter.messageReceived} (decode while the read has bytes, then hand
 * the output on), with a stand-in for {@code PeerHandler} that tightens the limits to the torrent's
 * piece count when the handshake reaches it. Properties:
 * <ul>
 * <li>nothing but a {@link ProtocolDecoderException} caused by a {@link WireException} comes out,
 *     and after it the session's later bytes give nothing;
 * <li>every message keeps to the limits in force when the handler gets it, the decoder never holds
 *     more than one frame's worth (limit included) of undecoded bytes, and no decode call allocates
 *     more than a small multiple of the bytes it was given;
 * <li>the real {@link PeerWireEncoder} turns the messages back into exactly the bytes they came
 *     from, which decode in one read to equal messages.
 * </ul>
 *
 * <p>Input layout: byte 0 chooses the limits (bit 0: {@link #SMALL} instead of
 * {@link WireLimits#DEFAULT}; bit 1: the handler sets a piece count, bits 2 to 7); byte 1 (low five
 * bits) says how many of the following bytes are read lengths (each byte + 1); the rest is the
 * stream, its tail after those reads one last read. A plain test run replays the seeds in
 * {@code PeerWireDecoderFuzzTestInputs/fuzzDecode}; with {@code JAZZER_FUZZ=1} it fuzzes for
 * {@code maxDuration} (the module's pom does that in its {@code fuzz} surefire execution).
 *
 * <p>Extended messages' payloads pass through unread ({@code ExtendedCodec}); when BEP 10 comes to
 * decode them, that decoding belongs under these properties too (the seeds hold an extension
 * handshake).
 */
class PeerWireDecoderFuzzTest {

    /** Small enough for fuzzed inputs to reach every limit: 16-byte blocks, 32-byte requests, 64-byte frames. */
    static final WireLimits SMALL = new WireLimits(16, 32, 64, WireLimits.UNKNOWN_PIECE_COUNT);
    private static final int MAX_READS = 31;
    /**
     * Allocation allowed to one decode call beyond 8 times the bytes it holds and is given (MINA's
     * buffer doubles, messages copy their payload, a refusal builds an exception). A buffer sized
     * from a length prefix, 1 MiB under the default limits, is far over it.
     */
    private static final long ALLOCATION_SLACK = 256 * 1024;

    private final HandshakeCodec handshakes = new HandshakeCodec();
    private final Frames frames = new Frames();
    private final PeerWireEncoder encoder = new PeerWireEncoder(handshakes, frames);
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @FuzzTest(maxDuration = "20s")
    void fuzzDecode(byte[] input) throws Exception {
        int mode = input.length > 0 ? Byte.toUnsignedInt(input[0]) : 0;
        WireLimits limits = (mode & 1) != 0 ? SMALL : WireLimits.DEFAULT;
        int pieceCount = (mode & 2) != 0 ? mode >>> 2 : WireLimits.UNKNOWN_PIECE_COUNT;
        int reads = input.length > 1 ? Math.min(input[1] & MAX_READS, input.length - 2) : 0;
        byte[] stream = Arrays.copyOfRange(input, Math.min(input.length, 2 + reads), input.length);
        List<byte[]> chunks = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < reads && from < stream.length; i++) {
            int to = Math.min(stream.length, from + Byte.toUnsignedInt(input[2 + i]) + 1);
            chunks.add(Arrays.copyOfRange(stream, from, to));
            from = to;
        }
        if (from < stream.length) {
            chunks.add(Arrays.copyOfRange(stream, from, stream.length));
        }

        Session session = new Session(limits, pieceCount);
        session.feed(chunks);
        if (session.overAllocation != null) {
            // The first run of a path loads classes and links string concatenations: count only what recurs.
            Session rerun = new Session(limits, pieceCount);
            rerun.feed(chunks);
            assertNull(rerun.overAllocation, rerun.overAllocation);
        }
        byte[] consumed = Arrays.copyOf(stream, session.wire.size());
        assertArrayEquals(consumed, session.wire.toByteArray(), "re-encoded messages differ from their bytes");

        Session again = new Session(limits, pieceCount);
        again.feed(List.of(consumed));
        assertEquals(session.received, again.received, "the re-encoded bytes decode differently");
    }

    /** One connection: the decoder's session, what the handler got, and their bytes re-encoded. */
    private final class Session {

        final ProtocolCodecSession mina = new ProtocolCodecSession();
        final PeerWireDecoder decoder = new PeerWireDecoder(handshakes, frames);
        final int pieceCount;
        final List<Object> received = new ArrayList<>();
        final ByteArrayOutputStream wire = new ByteArrayOutputStream();
        long fed;
        boolean failed;
        String overAllocation;

        Session(WireLimits limits, int pieceCount) {
            this.pieceCount = pieceCount;
            WireState.attach(mina, limits);
            // The dummy session says its transport does not fragment; a socket does, so accumulate.
            decoder.setTransportMetadataFragmentation(false);
        }

        void feed(List<byte[]> chunks) throws Exception {
            for (byte[] chunk : chunks) {
                IoBuffer in = IoBuffer.wrap(chunk);
                fed += chunk.length;
                if (failed) {
                    decoder.decode(mina, in, mina.getDecoderOutput());
                    assertTrue(mina.getDecoderOutputQueue().isEmpty(), "a failed session decoded more");
                    continue;
                }
                // ProtocolCodecFilter.messageReceived: decode while the read has bytes, flushing each time.
                while (in.hasRemaining() && !failed) {
                    long before = threads.getCurrentThreadAllocatedBytes();
                    long holding = fed - wire.size();
                    try {
                        decoder.decode(mina, in, mina.getDecoderOutput());
                    } catch (ProtocolDecoderException e) {
                        assertInstanceOf(WireException.class, e.getCause(), "a decoder error not caused by the wire");
                        failed = true;
                    }
                    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                    if (allocated > ALLOCATION_SLACK + 8 * holding && overAllocation == null) {
                        overAllocation = "one decode call of " + holding + " bytes allocated " + allocated;
                    }
                    flush();
                }
                if (!failed) {
                    WireLimits limits = WireState.of(mina).limits();
                    long pending = fed - wire.size();
                    long frame = received.isEmpty() ? Handshake.LENGTH : Frames.LENGTH_PREFIX + limits.maxFrameLength();
                    assertTrue(pending < frame, () -> pending + " bytes held undecoded, a frame is at most " + frame);
                }
            }
        }

        /** What the handler does with the decoder's output; the handshake must come first, once. */
        private void flush() {
            for (Object message; (message = mina.getDecoderOutputQueue().poll()) != null; ) {
                WireState state = WireState.of(mina);
                if (received.isEmpty()) {
                    assertInstanceOf(Handshake.class, message);
                    if (pieceCount != WireLimits.UNKNOWN_PIECE_COUNT) {
                        state.limits(state.limits().withPieceCount(pieceCount));
                    }
                } else {
                    assertWithin((PeerMessage) message, state.limits());
                }
                received.add(message);
                encoder.encode(mina, message, mina.getEncoderOutput());
                IoBuffer encoded = (IoBuffer) mina.getEncoderOutputQueue().poll();
                byte[] bytes = new byte[encoded.remaining()];
                encoded.get(bytes);
                wire.writeBytes(bytes);
            }
        }
    }

    /** The message keeps to {@code limits}, piece count included once it is known. */
    private void assertWithin(PeerMessage message, WireLimits limits) {
        int frame = frames.frameLength(message) - Frames.LENGTH_PREFIX;
        assertTrue(frame <= limits.maxFrameLength(), () -> message + " in a frame of " + frame);
        int piece = pieceIndex(message);
        if (limits.pieceCountKnown() && piece >= 0) {
            assertTrue(piece < limits.pieceCount(), () -> message + " past piece count " + limits.pieceCount());
        }
        if (message instanceof Piece block) {
            assertTrue(block.length() <= limits.maxBlockLength(), message::toString);
        } else if (message instanceof Request request) {
            assertTrue(request.length() <= limits.maxRequestLength(), message::toString);
        } else if (message instanceof Cancel cancel) {
            assertTrue(cancel.length() <= limits.maxRequestLength(), message::toString);
        } else if (message instanceof RejectRequest reject) {
            assertTrue(reject.length() <= limits.maxRequestLength(), message::toString);
        } else if (message instanceof Bitfield bitfield && limits.pieceCountKnown()) {
            assertEquals(limits.maxBitfieldLength(), bitfield.byteLength(), "bitfield length");
            for (int spare = limits.pieceCount(); spare < bitfield.byteLength() * 8; spare++) {
                assertTrue(!bitfield.has(spare), "spare bit " + spare + " set");
            }
        }
    }

    /** The piece a message names, or -1. */
    private static int pieceIndex(PeerMessage message) {
        if (message instanceof Have have) {
            return have.piece();
        } else if (message instanceof SuggestPiece suggest) {
            return suggest.piece();
        } else if (message instanceof AllowedFast allowed) {
            return allowed.piece();
        } else if (message instanceof Request request) {
            return request.piece();
        } else if (message instanceof Cancel cancel) {
            return cancel.piece();
        } else if (message instanceof RejectRequest reject) {
            return reject.piece();
        } else if (message instanceof Piece block) {
            return block.piece();
        }
        return -1;
    }
}
