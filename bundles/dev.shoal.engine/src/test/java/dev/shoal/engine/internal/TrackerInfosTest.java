package dev.shoal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.engine.api.TrackerInfo;
import dev.shoal.tracker.api.TrackerState;
import dev.shoal.tracker.api.TrackerStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TrackerInfosTest {

    private static TrackerStatus status(TrackerState state, boolean answeredBefore, String error, String warning,
            int failures) {
        return new TrackerStatus("http://t/announce", 0, state,
                answeredBefore ? Optional.of(Instant.EPOCH) : Optional.empty(), Optional.empty(), OptionalInt.empty(),
                OptionalInt.empty(), Optional.ofNullable(error), Optional.ofNullable(warning), failures);
    }

    @Test
    void a_tracker_works_when_its_last_announce_was_answered() {
        assertTrue(TrackerInfos.working(status(TrackerState.WORKING, true, null, null, 0)));
        assertTrue(TrackerInfos.working(status(TrackerState.ANNOUNCING, true, null, null, 0)), "re-announcing");
        assertFalse(TrackerInfos.working(status(TrackerState.ANNOUNCING, false, null, null, 0)), "first announce");
        assertFalse(TrackerInfos.working(status(TrackerState.ANNOUNCING, true, "timeout", null, 1)));
        assertFalse(TrackerInfos.working(status(TrackerState.FAILING, true, "refused", null, 1)));
        assertFalse(TrackerInfos.working(status(TrackerState.NOT_CONTACTED, false, null, null, 0)));
    }

    @Test
    void the_message_is_the_failure_else_the_warning_and_peers_are_the_last_count() {
        TrackerInfos infos = new TrackerInfos(() -> List.of(List.of("http://t/announce"), List.of("udp://u:1")));
        infos.peersReceived("http://t/announce", 3);
        assertEquals(new TrackerInfo("http://t/announce", false, Optional.of("refused"), 3),
                infos.info(status(TrackerState.FAILING, false, "refused", "old warning", 2)));
        assertEquals(new TrackerInfo("http://t/announce", true, Optional.of("be nice"), 3, 0, Optional.empty(),
                OptionalInt.empty(), OptionalInt.empty(), Optional.of(Instant.EPOCH)),
                infos.info(status(TrackerState.WORKING, true, null, "be nice", 0)), "when it last answered");
        assertEquals(List.of(new TrackerInfo("http://t/announce", false, Optional.empty(), 3),
                new TrackerInfo("udp://u:1", false, Optional.empty(), 0, 1, Optional.empty(), OptionalInt.empty(),
                        OptionalInt.empty())), infos.now(null), "stopped: every tier, in its tier");
    }
}
