package dev.shoal.shell.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpansTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|0s", "-5|0s", "45|45s", "200|3m20s", "120|2m", "3600|1h", "3661|1h1m",
        "7200|2h", "86400|1d", "273600|3d4h", "90061|1d1h"})
    void twoLargestUnitsFromTheFirstThatIsNotZero(long seconds, String text) {
        assertEquals(text, Spans.human(Duration.ofSeconds(seconds)));
    }

    @Test
    void etaIsTheTimeOrInfinityWhileMovingOrADashWhenStopped() {
        assertEquals("3m20s", Spans.eta(Optional.of(Duration.ofSeconds(200)), true));
        assertEquals("∞", Spans.eta(Optional.empty(), true));
        assertEquals("-", Spans.eta(Optional.empty(), false));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|0", "90s|90", "30m|1800", "2h|7200", "1h30m|5400", "1d12h|129600",
        " 2H |7200"})
    void readsSpans(String text, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), Spans.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "90", "2 h", "h", "1m2h", "-1h", "1.5h", "soon"})
    void refusesWhatIsNotASpan(String text) {
        assertThrows(IllegalArgumentException.class, () -> Spans.parse(text));
    }
}
