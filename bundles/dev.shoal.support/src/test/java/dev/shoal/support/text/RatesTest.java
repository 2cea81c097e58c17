package dev.shoal.support.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|0 B/s", "512|512 B/s", "524288|512 KiB/s", "1258291|1.2 MiB/s"})
    void ratesAreSizesPerSecond(long rate, String text) {
        assertEquals(text, Rates.of(rate));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|0", "unlimited|0", "none|0", "81920|81920", "500K|512000", "100k|102400",
        "2M|2097152", "1.5MiB|1572864", "1.5 MiB|1572864", "1.5M|1572864", "10KB|10240", "10kb/s|10240", "2m/s|2097152",
        "1g|1073741824", "0.5K|512", ".5k|512", " 3 KiB |3072", "100b|100", "1T|1099511627776", "1.0004|1"})
    void readsBytesPerSecondWithBinaryMultiples(String text, long bytes) {
        assertEquals(bytes, Rates.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "K", "-1", "-1K", "fast", "1X", "5X", "1.5.5M", "1e6", "1M/h", "1 000"})
    void whatIsNotARateIsRefusedWithTheText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rates.parse(text));
        assertEquals("not a rate: \"" + text + "\" (say e.g. 500K, 2M or 1.5MiB; K = 1024; 0 for no limit)",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.1", "99999999999999T"})
    void lessThanAByteOrMoreThanALongIsRefused(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rates.parse(text));
        assertTrue(e.getMessage().startsWith("rate too ") && e.getMessage().contains("\"" + text + "\""), e.getMessage());
    }
}
