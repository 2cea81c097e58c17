package dev.shoal.support.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpansTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|0s", "-5|0s", "1|1s", "45|45s", "59|59s", "60|1m", "90|1m30s", "120|2m",
        "200|3m20s", "3600|1h", "3605|1h", "3661|1h1m", "7559|2h5m", "86400|1d", "90061|1d1h", "273600|3d4h",
        "356400|4d3h"})
    void theTwoLargestUnitsFromTheFirstThatIsNotZero(long seconds, String text) {
        assertEquals(text, Spans.of(Duration.ofSeconds(seconds)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|0", "0s|0", "90s|90", "30m|1800", "100m|6000", "2h|7200", "2H|7200",
        " 2H |7200", "1h30m|5400", "1d|86400", "1d12h|129600", "1d2h3m4s|93784"})
    void readsWhatItShows(String text, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), Spans.parse(text));
    }

    @ParameterizedTest
    @ValueSource(longs = {45, 200, 3660, 7200, 90000})
    void whatIsShownOfTwoUnitsReadsBack(long seconds) {
        assertEquals(Duration.ofSeconds(seconds), Spans.parse(Spans.of(Duration.ofSeconds(seconds))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "30", "90", "1.5h", "m", "h", "30m1h", "1m2h", "1h 30m", "2 h", "-5m", "-1h", "forever",
        "soon", "2w", "1h1h"})
    void whatIsNotADurationIsRefusedWithTheText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Spans.parse(text));
        assertEquals("not a duration: \"" + text + "\" (say e.g. 90s, 30m, 2h or 1h30m)", e.getMessage());
    }
}
