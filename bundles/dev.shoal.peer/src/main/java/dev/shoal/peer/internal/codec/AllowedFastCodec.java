package dev.shoal.peer.internal.codec;

import dev.shoal.peer.internal.wire.AllowedFast;
import dev.shoal.peer.internal.wire.MessageId;

/** {@code <len=5><id=17><piece index>} */
public final class AllowedFastCodec extends PieceIndexCodec<AllowedFast> {

    public AllowedFastCodec() {
        super(MessageId.ALLOWED_FAST, AllowedFast.class, AllowedFast::new, AllowedFast::piece);
    }
}
