package dev.shoal.peer.internal.codec;

import dev.shoal.peer.internal.wire.Cancel;
import dev.shoal.peer.internal.wire.MessageId;

/** {@code <len=13><id><piece index><begin><length>}, all big-endian. */
public final class CancelCodec extends BlockRefCodec<Cancel> {

    public CancelCodec() {
        super(MessageId.CANCEL, Cancel.class, Cancel::new, new Fields<>() {
            @Override
            public int piece(Cancel message) {
                return message.piece();
            }

            @Override
            public int begin(Cancel message) {
                return message.begin();
            }

            @Override
            public int length(Cancel message) {
                return message.length();
            }
        });
    }
}
