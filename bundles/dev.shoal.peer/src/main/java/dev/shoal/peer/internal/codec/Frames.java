package dev.shoal.peer.internal.codec;

import dev.shoal.peer.internal.wire.Choke;
import dev.shoal.peer.internal.wire.HaveAll;
import dev.shoal.peer.internal.wire.HaveNone;
import dev.shoal.peer.internal.wire.Interested;
import dev.shoal.peer.internal.wire.KeepAlive;
import dev.shoal.peer.internal.wire.MessageId;
import dev.shoal.peer.internal.wire.NotInterested;
import dev.shoal.peer.internal.wire.PeerMessage;
import dev.shoal.peer.internal.wire.Unchoke;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The length-prefixed frame around every message after the handshake, and the table of
 * {@link MessageCodec}s by id. Usable without MINA: {@link #encode}, {@link #decode} and
 * {@link #next} work on plain bytes and buffers.
 *
 * <p>An unknown id is an error, as in anacrolix's decoder: we announce no extension that would
 * make a peer send one, and skipping it would hide a peer that speaks a dialect we do not.
 */
public final class Frames {

    public static final int LENGTH_PREFIX = 4;
    private static final KeepAlive KEEP_ALIVE = new KeepAlive();

    private final MessageCodec<?>[] byId = new MessageCodec<?>[256];
    private final Map<Class<?>, MessageCodec<?>> byType = new HashMap<>();
    private final BlockPool blocks;

    /** Every block in a buffer of its own (a pool that keeps none): for tests and tools. */
    public Frames() {
        this(new BlockPool(0, WireLimits.DEFAULT.maxBlockLength(), false, false));
    }

    /** Blocks decoded into buffers from {@code blocks}, which whoever ends a block's life releases. */
    public Frames(BlockPool blocks) {
        this(blocks, List.of(
                new EmptyCodec<>(MessageId.CHOKE, Choke.class, new Choke()),
                new EmptyCodec<>(MessageId.UNCHOKE, Unchoke.class, new Unchoke()),
                new EmptyCodec<>(MessageId.INTERESTED, Interested.class, new Interested()),
                new EmptyCodec<>(MessageId.NOT_INTERESTED, NotInterested.class, new NotInterested()),
                new HaveCodec(), new BitfieldCodec(), new RequestCodec(), new PieceCodec(blocks), new CancelCodec(),
                new PortCodec(), new SuggestPieceCodec(),
                new EmptyCodec<>(MessageId.HAVE_ALL, HaveAll.class, new HaveAll()),
                new EmptyCodec<>(MessageId.HAVE_NONE, HaveNone.class, new HaveNone()),
                new RejectRequestCodec(), new AllowedFastCodec(), new ExtendedCodec()));
    }

    /** A table of exactly these codecs (later slices may leave BEP 6 out when not negotiated). */
    private Frames(BlockPool blocks, List<MessageCodec<?>> codecs) {
        this.blocks = blocks;
        for (MessageCodec<?> codec : codecs) {
            if (byId[codec.id()] != null || byType.put(codec.type(), codec) != null) {
                throw new IllegalArgumentException("two codecs for id " + codec.id() + " / " + codec.type());
            }
            byId[codec.id()] = codec;
        }
    }

    /** Bytes on the wire for {@code message}, length prefix included. */
    public int frameLength(PeerMessage message) {
        if (message instanceof KeepAlive) {
            return LENGTH_PREFIX;
        }
        return LENGTH_PREFIX + 1 + codecFor(message).castAndMeasure(message);
    }

    public byte[] encode(PeerMessage message) {
        ByteBuffer out = ByteBuffer.allocate(frameLength(message));
        encode(message, out);
        return out.array();
    }

    /** Writes the whole frame at {@code out}'s position; it must have {@link #frameLength} room. */
    public void encode(PeerMessage message, ByteBuffer out) {
        if (message instanceof KeepAlive) {
            out.putInt(0);
            return;
        }
        MessageCodec<?> codec = codecFor(message);
        out.putInt(1 + codec.castAndMeasure(message));
        out.put((byte) codec.id());
        codec.castAndWrite(message, out);
    }

    /** Decodes exactly one whole frame; missing or left-over bytes are an error. */
    public PeerMessage decode(byte[] frame, WireLimits limits) throws WireException {
        ByteBuffer in = ByteBuffer.wrap(frame);
        PeerMessage message = next(in, limits);
        if (message == null) {
            throw new WireException("frame cut short: " + frame.length + " bytes");
        }
        if (in.hasRemaining()) {
            throw new WireException(in.remaining() + " bytes after the frame");
        }
        return message;
    }

    /**
     * The next message from {@code in}, or null (position untouched) when its frame is not all
     * there yet. Rejects a frame from its 5-byte header, before waiting for a payload, when the
     * length is over the limits or the id is unknown.
     */
    public PeerMessage next(ByteBuffer in, WireLimits limits) throws WireException {
        if (in.remaining() < LENGTH_PREFIX) {
            return null;
        }
        int start = in.position();
        int length = in.getInt(start);
        if (length == 0) {
            in.position(start + LENGTH_PREFIX);
            return KEEP_ALIVE;
        }
        checkLength(length, limits);
        if (in.remaining() < LENGTH_PREFIX + 1) {
            return null;
        }
        MessageCodec<?> codec = checkHeader(length, Byte.toUnsignedInt(in.get(start + LENGTH_PREFIX)), limits);
        if (in.remaining() < LENGTH_PREFIX + length) {
            return null;
        }
        int payloadLength = length - 1;
        int payloadStart = start + LENGTH_PREFIX + 1;
        ByteBuffer payload = in.duplicate().position(payloadStart).limit(payloadStart + payloadLength).slice();
        PeerMessage message;
        try {
            message = codec.read(payload, limits);
        } catch (BufferUnderflowException e) {
            throw new WireException(codec.type().getSimpleName() + " payload cut short", e);
        }
        if (payload.hasRemaining()) {
            throw new WireException(codec.type().getSimpleName() + " left " + payload.remaining() + " unused bytes");
        }
        in.position(payloadStart + payloadLength);
        return message;
    }

    /**
     * Starts a piece message whose header (length, id, piece index, begin) is at {@code in}'s position
     * but whose block is not all there: the header checked as {@link #next} checks it, then the header
     * and every byte of the block that is there consumed, the rest to come through
     * {@link BlockInProgress#fill}. Null, position untouched, for any other frame, a whole one (that is
     * {@code next}'s), or a header not all there yet.
     */
    public BlockInProgress startPiece(ByteBuffer in, WireLimits limits) throws WireException {
        int start = in.position();
        if (in.remaining() < LENGTH_PREFIX + WireLimits.PIECE_HEADER
                || Byte.toUnsignedInt(in.get(start + LENGTH_PREFIX)) != MessageId.PIECE) {
            return null;
        }
        int length = in.getInt(start);
        checkLength(length, limits);
        checkHeader(length, MessageId.PIECE, limits);
        if (in.remaining() >= LENGTH_PREFIX + length) {
            return null;
        }
        int piece = in.getInt(start + LENGTH_PREFIX + 1);
        int begin = in.getInt(start + LENGTH_PREFIX + 5);
        PieceCodec.checkHeader(piece, begin, limits);
        in.position(start + LENGTH_PREFIX + WireLimits.PIECE_HEADER);
        BlockInProgress block =
                new BlockInProgress(piece, begin, blocks.take(length - WireLimits.PIECE_HEADER));
        block.fill(in);
        return block;
    }

    private static void checkLength(int length, WireLimits limits) throws WireException {
        if (Integer.compareUnsigned(length, limits.maxFrameLength()) > 0) {
            throw new WireException("frame of " + Integer.toUnsignedString(length) + " bytes is over the limit of "
                    + limits.maxFrameLength());
        }
    }

    /** The codec for {@code id}, once the id is known and the payload's length within its bounds. */
    private MessageCodec<?> checkHeader(int length, int id, WireLimits limits) throws WireException {
        MessageCodec<?> codec = byId[id];
        if (codec == null) {
            throw new WireException("unknown message id " + id);
        }
        int payloadLength = length - 1;
        if (payloadLength < codec.minPayloadLength() || payloadLength > codec.maxPayloadLength(limits)) {
            throw new WireException(codec.type().getSimpleName() + " with a payload of " + payloadLength
                    + " bytes; allowed: " + codec.minPayloadLength() + " to " + codec.maxPayloadLength(limits));
        }
        return codec;
    }

    private MessageCodec<?> codecFor(PeerMessage message) {
        MessageCodec<?> codec = byType.get(message.getClass());
        if (codec == null) {
            throw new IllegalArgumentException("no codec for " + message.getClass().getSimpleName());
        }
        return codec;
    }
}
