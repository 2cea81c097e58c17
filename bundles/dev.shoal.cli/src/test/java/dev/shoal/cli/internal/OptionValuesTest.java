package dev.shoal.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine.TypeConversionException;

/**
 * The values of {@code shoal get}'s options as picocli converts them: rates, durations and ratios
 * by Shoal's one grammar for each (dev.shoal.support.text, tested there), ports here.
 */
class OptionValuesTest {

    @ParameterizedTest
    @CsvSource({"0,0", "81920,81920", "500K,512000", "100k,102400", "2M,2097152", "1.5MiB,1572864",
            "1.5 MiB,1572864", "10KB,10240", "10kb/s,10240", "1G,1073741824", "0.5K,512", ".5k,512", "2m/s,2097152",
            "1.0004,1"})
    void ratesAreBytesPerSecondWithBinaryMultiples(String text, long expected) {
        assertEquals(expected, new OptionTypes.Rate().convert(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "K", "-1", "-1K", "fast", "1X", "1.5.5M", "1e6", "1M/h", "0.1", "99999999999999T", "1 000"})
    void badRatesSayWhatARateIs(String text) {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> new OptionTypes.Rate().convert(text));
        assertTrue(e.getMessage().contains("\"" + text + "\""), e.getMessage());
        assertTrue(e.getMessage().startsWith("not a rate") || e.getMessage().startsWith("rate too"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"0,0", "90s,90", "30m,1800", "2h,7200", "1h30m,5400", "1d,86400", "1d2h3m4s,93784", "2H,7200",
            "0s,0", "100m,6000"})
    void durationsInSecondsMinutesHoursDays(String text, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), new OptionTypes.Time().convert(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "30", "1.5h", "m", "30m1h", "1h 30m", "-5m", "forever", "2w", "1h1h"})
    void badDurationsSayWhatADurationIs(String text) {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> new OptionTypes.Time().convert(text));
        assertTrue(e.getMessage().startsWith("not a duration: \"" + text + "\" (say e.g. 90s"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"0,0.0", "1,1.0", "1.0,1.0", "0.5,0.5", ".25,0.25", "2.5,2.5", "10,10.0"})
    void ratiosArePlainNumbersFromZero(String text, double expected) {
        assertEquals(expected, new OptionTypes.Ratio().convert(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "-0.5", "NaN", "Infinity", "1e3", "one", "1.", "0x10"})
    void badRatiosAreRefused(String text) {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> new OptionTypes.Ratio().convert(text));
        assertTrue(e.getMessage().startsWith("not a ratio: \"" + text + "\""), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"0,0", "1,1", "6881,6881", "65535,65535"})
    void portsFromZeroTo65535(String text, int expected) {
        assertEquals(expected, new OptionTypes.Port().convert(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "65536", "100000", "http", "68.81", "999999"})
    void badPortsAreRefused(String text) {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> new OptionTypes.Port().convert(text));
        assertEquals("not a port: \"" + text + "\" (0 to 65535; 0 picks a free one)", e.getMessage());
    }
}
