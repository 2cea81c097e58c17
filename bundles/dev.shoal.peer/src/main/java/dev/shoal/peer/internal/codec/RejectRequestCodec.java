package dev.shoal.peer.internal.codec;

import dev.shoal.peer.internal.wire.RejectRequest;
import dev.shoal.peer.internal.wire.MessageId;

/** {@code <len=13><id><piece index><begin><length>}, all big-endian. */
public final class RejectRequestCodec extends BlockRefCodec<RejectRequest> {

    public RejectRequestCodec() {
        super(MessageId.REJECT_REQUEST, RejectRequest.class, RejectRequest::new, new Fields<>() {
            @Override
            public int piece(RejectRequest message) {
                return message.piece();
            }

            @Override
            public int begin(RejectRequest message) {
                return message.begin();
            }

            @Override
            public int length(RejectRequest message) {
                return message.length();
            }
        });
    }
}
