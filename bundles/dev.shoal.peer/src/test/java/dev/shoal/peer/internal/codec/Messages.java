package dev.shoal.peer.internal.codec;

import dev.shoal.peer.internal.wire.AllowedFast;
import dev.shoal.peer.internal.wire.Bitfield;
import dev.shoal.peer.internal.wire.Cancel;
import dev.shoal.peer.internal.wire.Choke;
import dev.shoal.peer.internal.wire.Extended;
import dev.shoal.peer.internal.wire.Have;
import dev.shoal.peer.internal.wire.HaveAll;
import dev.shoal.peer.internal.wire.HaveNone;
import dev.shoal.peer.internal.wire.Interested;
import dev.shoal.peer.internal.wire.KeepAlive;
import dev.shoal.peer.internal.wire.NotInterested;
import dev.shoal.peer.internal.wire.PeerMessage;
import dev.shoal.peer.internal.wire.Piece;
import dev.shoal.peer.internal.wire.Port;
import dev.shoal.peer.internal.wire.RejectRequest;
import dev.shoal.peer.internal.wire.Request;
import dev.shoal.peer.internal.wire.SuggestPiece;
import dev.shoal.peer.internal.wire.Unchoke;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** One example of every message, and jqwik generators of valid ones within {@link WireLimits#DEFAULT}. */
public final class Messages {

    private Messages() {
    }

    public static List<PeerMessage> examples() {
        byte[] block = new byte[WireLimits.BLOCK_LENGTH];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) (i * 31);
        }
        return List.of(new KeepAlive(), new Choke(), new Unchoke(), new Interested(), new NotInterested(),
                new Have(7), new Bitfield(new byte[] {(byte) 0xFF, 0x01, 0x00}), new Bitfield(new byte[0]),
                new Request(1, 16384, 16384), new Piece(3, 32768, block), new Piece(0, 0, new byte[0]),
                new Cancel(1, 16384, 16384), new Port(6881), new Port(65535), new SuggestPiece(9),
                new HaveAll(), new HaveNone(), new RejectRequest(2, 0, 16384), new AllowedFast(Integer.MAX_VALUE),
                new Extended(0, "d1:md6:ut_pexi1eee".getBytes()), new Extended(255, new byte[0]));
    }

    public static Arbitrary<PeerMessage> valid() {
        Arbitrary<Integer> index = Arbitraries.integers().between(0, Integer.MAX_VALUE).edgeCases(c -> c.includeOnly(0, Integer.MAX_VALUE));
        Arbitrary<Integer> length = Arbitraries.integers().between(1, 128 * 1024);
        Arbitrary<byte[]> block = Arbitraries.bytes().array(byte[].class).ofMaxSize(WireLimits.BLOCK_LENGTH);
        Arbitrary<byte[]> small = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        return Arbitraries.oneOf(List.of(
                Arbitraries.of(new KeepAlive(), new Choke(), new Unchoke(), new Interested(), new NotInterested(),
                        new HaveAll(), new HaveNone()),
                index.map(Have::new), index.map(SuggestPiece::new), index.map(AllowedFast::new),
                small.map(Bitfield::new),
                Combinators.combine(index, index, length).as(Request::new),
                Combinators.combine(index, index, length).as(Cancel::new),
                Combinators.combine(index, index, length).as(RejectRequest::new),
                Combinators.combine(index, index, block).as(Piece::new),
                Arbitraries.integers().between(0, 65535).map(Port::new),
                Combinators.combine(Arbitraries.integers().between(0, 255), small).as(Extended::new)));
    }
}
