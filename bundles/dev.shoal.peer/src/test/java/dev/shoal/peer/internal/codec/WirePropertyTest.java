package dev.shoal.peer.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.peer.internal.wire.PeerMessage;
import java.nio.ByteBuffer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class WirePropertyTest {

    private final Frames frames = new Frames();

    @Property(tries = 500)
    void everyValidMessageSurvivesARoundTrip(@ForAll("valid") PeerMessage message) throws WireException {
        byte[] frame = frames.encode(message);
        assertEquals(frames.frameLength(message), frame.length);
        assertEquals(message, frames.decode(frame, WireLimits.DEFAULT));
    }

    /** Random bytes give messages, "need more" or a WireException: nothing else, and no huge allocation. */
    @Property(tries = 2000)
    void randomBytesNeverBreakTheDecoder(@ForAll("noise") byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            while (frames.next(in, WireLimits.DEFAULT.withPieceCount(bytes.length % 3 == 0 ? 100 : -1)) != null) {
                // keep reading; each call must move forward or stop
            }
        } catch (WireException expected) {
            // the clean way to refuse
        }
    }

    @Provide
    Arbitrary<PeerMessage> valid() {
        return Messages.valid();
    }

    /** Plain noise, and noise shaped like frames (small lengths, plausible ids) to reach every codec. */
    @Provide
    Arbitrary<byte[]> noise() {
        Arbitrary<byte[]> frameLike = Combinators.combine(
                Arbitraries.integers().between(0, 40), Arbitraries.integers().between(0, 25),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(48))
                .as((length, id, rest) -> ByteBuffer.allocate(5 + rest.length).putInt(length).put((byte) (int) id)
                        .put(rest).array());
        Arbitrary<byte[]> frameRuns = frameLike.list().ofMaxSize(6).map(list -> {
            ByteBuffer all = ByteBuffer.allocate(list.stream().mapToInt(b -> b.length).sum());
            list.forEach(all::put);
            return all.array();
        });
        return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(200), frameRuns);
    }
}
