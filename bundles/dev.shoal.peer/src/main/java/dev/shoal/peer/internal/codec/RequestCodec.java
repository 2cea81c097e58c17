package dev.shoal.peer.internal.codec;

import dev.shoal.peer.internal.wire.Request;
import dev.shoal.peer.internal.wire.MessageId;

/** {@code <len=13><id><piece index><begin><length>}, all big-endian. */
public final class RequestCodec extends BlockRefCodec<Request> {

    public RequestCodec() {
        super(MessageId.REQUEST, Request.class, Request::new, new Fields<>() {
            @Override
            public int piece(Request message) {
                return message.piece();
            }

            @Override
            public int begin(Request message) {
                return message.begin();
            }

            @Override
            public int length(Request message) {
                return message.length();
            }
        });
    }
}
