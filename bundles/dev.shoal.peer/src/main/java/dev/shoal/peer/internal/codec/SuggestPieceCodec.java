package dev.shoal.peer.internal.codec;

import dev.shoal.peer.internal.wire.SuggestPiece;
import dev.shoal.peer.internal.wire.MessageId;

/** {@code <len=5><id=0><piece index>} */
public final class SuggestPieceCodec extends PieceIndexCodec<SuggestPiece> {

    public SuggestPieceCodec() {
        super(MessageId.SUGGEST_PIECE, SuggestPiece.class, SuggestPiece::new, SuggestPiece::piece);
    }
}
