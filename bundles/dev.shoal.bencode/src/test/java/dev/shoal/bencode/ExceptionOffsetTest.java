package dev.shoal.bencode;

import static dev.shoal.bencode.Bencode.rejectedAt;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where each kind of error is reported. The offset points at the offending byte, or for a bad
 * number at its first digit (after the 'i'), or for a bad string at its length prefix, or for a
 * container too deep at its 'l' or 'd', or for a duplicate or non-string key at that key.
 */
class ExceptionOffsetTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // Deep inside a structure, so the offset is not trivially 0 or the end.
                Arguments.of("d4:infod6:lengthi-0eee", 17, "negative zero"),
                Arguments.of("d4:infod6:lengthi01eee", 17, "leading zero"),
                Arguments.of("d4:infod6:lengthi1.0eee", 18, "unexpected '.'"),
                Arguments.of("d4:infod6:lengthi99999999999999999999eee", 17, "64 bits"),
                Arguments.of("d4:infod4:name05:abcdeee", 14, "leading zero"),
                Arguments.of("d4:infod4:name9:abcdeee", 14, "remain"),
                Arguments.of("d4:infod4:name5:abcdei1eee", 21, "key must be a string"),
                Arguments.of("d4:infod4:name1:a4:name1:bee", 17, "duplicate"),
                Arguments.of("d4:infod4:name1:ae1:xe", 21, "expected a value"),
                Arguments.of("d4:infod4:name1:aeei0e", 19, "trailing"),
                Arguments.of("d4:infod4:name1:a", 17, "input ends"),
                Arguments.of("d4:infod4:name", 14, "input ends"),
                Arguments.of("l" + "l".repeat(300) + "e".repeat(301), 256, "nesting"),
                Arguments.of("li1ei2e\u0080e", 7, "byte 0x80"));
    }

    @ParameterizedTest(name = "{0} fails at byte {1}: {2}")
    @MethodSource("cases")
    void reportsTheOffsetOfTheProblem(String input, long offset, String messagePart) {
        BencodeException e = rejectedAt(offset, input);
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
        assertTrue(e.getMessage().startsWith("at byte " + offset + ": "), e.getMessage());
    }
}
