package dev.shoal.peer.internal.codec;

import dev.shoal.peer.internal.wire.Have;
import dev.shoal.peer.internal.wire.MessageId;

/** {@code <len=5><id=4><piece index>} */
public final class HaveCodec extends PieceIndexCodec<Have> {

    public HaveCodec() {
        super(MessageId.HAVE, Have.class, Have::new, Have::piece);
    }
}
