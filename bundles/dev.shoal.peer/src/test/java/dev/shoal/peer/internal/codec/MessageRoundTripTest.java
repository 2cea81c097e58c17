package dev.shoal.peer.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.peer.internal.wire.PeerMessage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MessageRoundTripTest {

    private final Frames frames = new Frames();

    static List<PeerMessage> examples() {
        return Messages.examples();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void encodesAndDecodesToAnEqualMessage(PeerMessage message) throws WireException {
        byte[] frame = frames.encode(message);
        assertEquals(frames.frameLength(message), frame.length);
        assertEquals(message, frames.decode(frame, WireLimits.DEFAULT));
    }

    @Test
    void theExamplesCoverEveryMessageType() {
        Set<Class<?>> covered = new HashSet<>();
        Messages.examples().forEach(m -> covered.add(m.getClass()));
        assertEquals(Set.of(PeerMessage.class.getPermittedSubclasses()), covered);
    }
}
