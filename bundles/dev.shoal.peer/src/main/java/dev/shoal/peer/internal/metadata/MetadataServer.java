package dev.shoal.peer.internal.metadata;

import dev.shoal.peer.internal.extension.ExtensionException;
import dev.shoal.peer.internal.extension.ExtensionHandler;
import dev.shoal.peer.internal.extension.ExtensionHandshake;
import dev.shoal.peer.internal.extension.ExtensionPayloads;
import dev.shoal.peer.internal.extension.ExtensionPeer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * BEP 9, serving side, for a torrent we have: {@code metadata_size} in our handshake, a data message
 * of the asked 16 KiB piece of the info dictionary's exact bytes per request, a reject for a piece
 * out of range. A request costs a peer some 40 bytes and us up to 16 KiB, so each peer gets a budget
 * of {@link #answersPerWindow} answers per {@link #WINDOW_MILLIS} (the whole dictionary a few times
 * over); requests beyond it are rejected, and a peer that keeps asking past {@link #MAX_REJECTS}
 * rejects in a window is dropped.
 */
public final class MetadataServer implements ExtensionHandler {

    static final long WINDOW_MILLIS = 60_000;
    /** Whole copies of the dictionary one peer may fetch per window: a retry or two after a failure. */
    static final int COPIES_PER_WINDOW = 3;
    static final int MAX_REJECTS = 256;

    private final byte[] info;
    private final ExtensionPayloads payloads;
    private final LongSupplier clock;
    private final int answersPerWindow;
    private final Map<ExtensionPeer, Budget> budgets = new HashMap<>();

    /** @param info the info dictionary's exact bytes (not copied: the caller hands over its own copy) */
    public MetadataServer(byte[] info, ExtensionPayloads payloads, LongSupplier clock) {
        this.info = info;
        this.payloads = payloads;
        this.clock = clock;
        this.answersPerWindow = COPIES_PER_WINDOW * MetadataMessage.pieceCount(info.length) + 2;
    }

    @Override
    public String name() {
        return MetadataMessage.EXTENSION;
    }

    @Override
    public ExtensionHandshake describe(ExtensionHandshake ours) {
        return ours.withMetadataSize(info.length);
    }

    @Override
    public void received(ExtensionPeer peer, byte[] payload) throws ExtensionException {
        Optional<MetadataMessage> parsed = MetadataMessage.parse(payload, payloads);
        if (parsed.isEmpty() || parsed.get().type() != MetadataMessage.REQUEST) {
            return; // data or rejects we never asked for: nothing to do
        }
        int piece = parsed.get().piece();
        Budget budget = budgets.computeIfAbsent(peer, p -> new Budget());
        long now = clock.getAsLong();
        if (now - budget.windowStart >= WINDOW_MILLIS) {
            budget.windowStart = now;
            budget.answers = 0;
            budget.rejects = 0;
        }
        if (piece >= MetadataMessage.pieceCount(info.length) || budget.answers >= answersPerWindow) {
            if (++budget.rejects > MAX_REJECTS) {
                throw new ExtensionException("more than " + MAX_REJECTS + " metadata requests refused within "
                        + WINDOW_MILLIS / 1000 + " s");
            }
            peer.send(name(), MetadataMessage.reject(piece).encode());
            return;
        }
        budget.answers++;
        int from = piece * MetadataMessage.PIECE_LENGTH;
        byte[] data = Arrays.copyOfRange(info, from, from + MetadataMessage.pieceSize(info.length, piece));
        peer.send(name(), MetadataMessage.data(piece, info.length, data).encode());
    }

    @Override
    public void closed(ExtensionPeer peer) {
        budgets.remove(peer);
    }

    /** One peer's answers and rejects in the current window. */
    private static final class Budget {
        long windowStart = Long.MIN_VALUE / 2;
        int answers;
        int rejects;
    }
}
