package dev.shoal.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizesTest {

    @ParameterizedTest
    @CsvSource({"262144,262144", "256K,262144", "256k,262144", "256KiB,262144", "256KB,262144",
            "1M,1048576", "4 MiB,4194304", "1G,1073741824", "0,0"})
    void parsesBytesAndBinaryMultiples(String text, long expected) {
        assertEquals(expected, Sizes.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "K", "1.5M", "-1", "12Q", "abc", "99999999999999999"})
    void rejectsWhatIsNotASize(String text) {
        assertThrows(IllegalArgumentException.class, () -> Sizes.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"0,0 B", "1023,1023 B", "1024,1.00 KiB", "1536,1.50 KiB", "1073741824,1.00 GiB",
            "877777,857 KiB"})
    void printsBinaryUnits(long bytes, String expected) {
        assertEquals(expected, Sizes.human(bytes));
    }
}
