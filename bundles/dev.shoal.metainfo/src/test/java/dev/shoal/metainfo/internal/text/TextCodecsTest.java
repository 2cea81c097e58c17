package dev.shoal.metainfo.internal.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextCodecsTest {

    /** RFC 4648 section 10 vectors, padding removed. */
    @ParameterizedTest
    @CsvSource({"'', ''", "f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI"})
    void base32Rfc4648(String text, String encoded) {
        assertEquals(encoded, Base32.encode(text.getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals(text.getBytes(StandardCharsets.US_ASCII), Base32.decode(encoded));
    }

    @Property
    void base32RoundTrip(@ForAll byte[] bytes) {
        assertArrayEquals(bytes, Base32.decode(Base32.encode(bytes)));
    }

    @Property
    void percentRoundTrip(@ForAll String text) {
        if (text.chars().noneMatch(c -> Character.isSurrogate((char) c))) {
            assertEquals(text, Percent.decode(Percent.encode(text)));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a+b          | a b",
        "a%2Bb        | a+b",
        "%E2%84%A2    | \u2122",
        "%e2%84%a2    | \u2122",
        "plain        | plain",
        "\u00e9%20x   | \u00e9 x",
    })
    void percentDecode(String encoded, String decoded) {
        assertEquals(decoded, Percent.decode(encoded));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "%2", "%zz", "%ff", "%C3", "a%\u0661\u0662"})
    void badPercent(String encoded) {
        assertThrows(IllegalArgumentException.class, () -> Percent.decode(encoded));
    }

    @Test
    void percentEncodeKeepsUnreservedOnly() {
        assertEquals("aZ09-._~%20%2F%3A%3F%26%3D%2B%E2%84%A2", Percent.encode("aZ09-._~ /:?&=+\u2122"));
    }

    @Test
    void quoteEscapesControlCharacters() {
        assertEquals("\"a\\u000ab\\\"c\\\\\"", Quote.of("a\nb\"c\\"));
        assertEquals("\"" + "x".repeat(200) + "...\"", Quote.of("x".repeat(500)));
    }
}
