package dev.shoal.peer.internal.mina;

import dev.shoal.peer.internal.wire.Piece;
import dev.shoal.peer.internal.wire.PeerMessage;
import java.util.List;

/**
 * Several messages written to a session as one: {@link PeerWireEncoder} puts their frames in one
 * buffer, so a queue of requests topped up after a block costs one pass through MINA's write path
 * (its filter chain, encoder, write queue and statistics) instead of one per request, which was
 * the biggest part of a download's I/O thread after the read itself. No piece goes in a batch: a
 * block's sending is counted one by one (the uploader's slots), and a batch is sent as a whole.
 */
public record MessageBatch(List<PeerMessage> messages) {

    public MessageBatch {
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("an empty batch");
        }
        for (PeerMessage message : messages) {
            if (message instanceof Piece) {
                throw new IllegalArgumentException("a piece in a batch");
            }
        }
    }

    /** The last message: what the session says it sent once the whole batch is written. */
    public PeerMessage last() {
        return messages.get(messages.size() - 1);
    }
}
