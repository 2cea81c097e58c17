package dev.shoal.shell.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|0 B", "1023|1023 B", "1024|1.0 KiB", "1280|1.3 KiB", "1047552|1023 KiB", "1048064|1.0 MiB",
        "1258291|1.2 MiB", "47500000|45.3 MiB", "851443712|812 MiB", "4939212390|4.6 GiB",
        "9223372036854775807|8.0 EiB"})
    void sizesHaveOneDecimalBelowAHundredAndNoneAbove(long bytes, String text) {
        assertEquals(text, Quantities.size(bytes));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|-", "-5|-", "1258291|1.2 MiB/s", "512|512 B/s"})
    void ratesShowADashWhenNothingMoves(long rate, String text) {
        assertEquals(text, Quantities.rate(rate));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|unlimited", "512000|500 KiB/s"})
    void limitsSayUnlimitedForZero(long rate, String text) {
        assertEquals(text, Quantities.limit(rate));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|0%", "-1|0%", "NaN|0%", "0.4234|42.3%", "0.9999|99.9%", "0.99999|99.9%",
        "1|100%", "1.5|100%"})
    void percentagesRoundDownSoAHundredMeansAll(double share, String text) {
        assertEquals(text, Quantities.percent(share));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|0", "unlimited|0", "none|0", "81920|81920", "500K|512000", "500k|512000",
        "2M|2097152", "1.5MiB|1572864", "10KB/s|10240", "1g|1073741824", " 3 KiB |3072", "100b|100", "1T|1099511627776"})
    void ratesReadBinaryUnits(String text, long bytes) {
        assertEquals(bytes, Quantities.parseRate(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "fast", "5X", "1.5.2", "0.1", "K", "99999999999999999T", "1e5"})
    void badRatesAreRefusedWithTheText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quantities.parseRate(text));
        assertTrue(e.getMessage().contains("\"" + text + "\""), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"262144|262144", "256K|262144", "4MiB|4194304", "1.5G|1610612736"})
    void sizesReadBinaryUnits(String text, long bytes) {
        assertEquals(bytes, Quantities.parseSize(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"unlimited", "4M/s", "four"})
    void sizesAreNotRates(String text) {
        assertThrows(IllegalArgumentException.class, () -> Quantities.parseSize(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|0.00", "0.5234|0.52", "12.345|12.35"})
    void ratiosHaveTwoDecimals(double ratio, String text) {
        assertEquals(text, Quantities.ratio(ratio));
    }
}
