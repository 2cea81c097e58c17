package dev.shoal.support.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SharesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|0.0%", "-1|0.0%", "-0.5|0.0%", "NaN|0.0%", "0.0001|0.0%", "0.4234|42.3%",
        "0.4239|42.3%", "0.9999|99.9%", "0.99999|99.9%", "1|100%", "1.5|100%"})
    void percentagesRoundDownSoAHundredMeansAll(double share, String text) {
        assertEquals(text, Shares.percent(share));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|0.00", "0.5234|0.52", "0.5249|0.52", "12|12.00", "12.345|12.35"})
    void ratiosHaveTwoDecimals(double ratio, String text) {
        assertEquals(text, Shares.ratio(ratio));
    }

    @ParameterizedTest
    @CsvSource({"0,0.0", "1,1.0", "1.0,1.0", "0.5,0.5", ".25,0.25", "2.5,2.5", "10,10.0", " 1.5 ,1.5"})
    void ratiosArePlainNumbersFromZero(String text, double expected) {
        assertEquals(expected, Shares.parseRatio(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "-0.5", "NaN", "Infinity", "1e3", "one", "1.", "0x10"})
    void whatIsNotARatioIsRefusedWithTheText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shares.parseRatio(text));
        assertEquals("not a ratio: \"" + text + "\" (a number 0 or more, e.g. 1, 0.5 or 2.5)", e.getMessage());
    }
}
