package dev.shoal.support.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One rule for every size Shoal shows, one grammar for every size it reads. */
class SizesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|0 B", "1023|1023 B", "1024|1.0 KiB", "1280|1.3 KiB", "1536|1.5 KiB", "10239|10.0 KiB", "102399|100 KiB",
        "102400|100 KiB", "524288|512 KiB", "877777|857 KiB", "1047552|1023 KiB", "1048064|1.0 MiB",
        "1048536|1.0 MiB", "1258291|1.2 MiB", "1572864|1.5 MiB", "1625293|1.6 MiB", "47500000|45.3 MiB",
        "851443712|812 MiB", "1073741824|1.0 GiB", "4939212390|4.6 GiB", "9223372036854775807|8.0 EiB"})
    void oneDecimalBelowAHundredNoneAboveRoundedToTheNearest(long bytes, String text) {
        assertEquals(text, Sizes.of(bytes));
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, Long.MIN_VALUE})
    void anUnknownSizeIsAQuestionMark(long bytes) {
        assertEquals("?", Sizes.of(bytes));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|0", "262144|262144", "256K|262144", "256k|262144", "256KiB|262144",
        "256KB|262144", "1M|1048576", "4 MiB|4194304", "4MiB|4194304", "1.5M|1572864", "1.5G|1610612736",
        "1G|1073741824", ".5k|512", "100b|100", "512 bytes|512", " 3 KiB |3072", "1P|1125899906842624"})
    void readsBinaryUnitsWithFractions(String text, long bytes) {
        assertEquals(bytes, Sizes.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "K", "-1", "12Q", "abc", "1.5.2", "1e5", "unlimited", "4M/s", "four"})
    void whatIsNotASizeIsRefusedWithTheText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sizes.parse(text));
        assertEquals("not a size: \"" + text + "\" (say e.g. 262144, 256K or 4M; K = 1024)", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.1", "99999999999999999T"})
    void lessThanAByteOrMoreThanALongIsRefused(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sizes.parse(text));
        assertTrue(e.getMessage().startsWith("size too "), e.getMessage());
    }
}
