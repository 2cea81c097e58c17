package dev.shoal.metainfo.internal.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathValidatorTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "a", "file.txt", "ubuntu-24.04-desktop-amd64.iso", ".hidden", ".pad", "..a", "a..b", " leading space",
        "caf\u00e9", "\u65e5\u672c\u8a9e.txt", "emoji \ud83d\ude00", "CONSOLE", "con1", "COM0", "COM10", "LPT",
        "auxiliary.txt", "nul_", "a.con", "x.aux.txt", "\ufffd", "$", "percent%", "semi;colon", "[brackets]", "a=b",
    })
    void safeComponents(String component) {
        assertEquals(Optional.empty(), PathValidator.problem(component), component);
        assertEquals(component, PathValidator.sanitize(component));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "''              | empty path components are not allowed",
        ".               | \".\" is not allowed",
        "..              | \"..\" is not allowed",
        "a/b             | '/' inside a name is not allowed",
        "a\\b            | '\\' inside a name is not allowed",
        "C:              | drive letters are not allowed",
        "c:windows       | drive letters are not allowed",
        "a<b             | '<' is not allowed on Windows",
        "a>b             | '>' is not allowed on Windows",
        "ab:c            | ':' is not allowed on Windows",
        "a\"b            | '\"' is not allowed on Windows",
        "a?b             | '?' is not allowed on Windows",
        "a*b             | '*' is not allowed on Windows",
        "name.           | a trailing dot is not allowed (Windows drops it)",
        "'name '         | a trailing space is not allowed (Windows drops it)",
        "CON             | \"CON\" is a reserved device name on Windows",
        "con             | \"con\" is a reserved device name on Windows",
        "Con.tar.gz      | \"Con\" is a reserved device name on Windows",
        "aux.txt         | \"aux\" is a reserved device name on Windows",
        "PRN             | \"PRN\" is a reserved device name on Windows",
        "nul.dat         | \"nul\" is a reserved device name on Windows",
        "COM1            | \"COM1\" is a reserved device name on Windows",
        "com9.log        | \"com9\" is a reserved device name on Windows",
        "LPT1            | \"LPT1\" is a reserved device name on Windows",
        "lpt9.x          | \"lpt9\" is a reserved device name on Windows",
        "'CON .txt'      | \"CON \" is a reserved device name on Windows",
        "COM\u00b9       | \"COM\u00b9\" is a reserved device name on Windows",
        "CONIN$          | \"CONIN$\" is a reserved device name on Windows",
    })
    void unsafeComponents(String component, String problem) {
        assertEquals(Optional.of(problem), PathValidator.problem(component), component);
    }

    @Test
    void pipeIsNotAllowed() {
        // Not in the table above: '|' is its delimiter.
        assertEquals(Optional.of("'|' is not allowed on Windows"), PathValidator.problem("a|b"));
        assertEquals("a_b", PathValidator.sanitize("a|b"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x01, 0x09, 0x0a, 0x0d, 0x1b, 0x1f, 0x7f})
    void controlCharacters(int c) {
        String component = "a" + (char) c + "b";
        assertEquals(Optional.of(String.format("control character U+%04X is not allowed", c)),
                PathValidator.problem(component));
    }

    @ParameterizedTest
    @ValueSource(ints = {255, 256})
    void lengthIsCountedInUtf8Bytes(int bytes) {
        String ascii = "a".repeat(bytes);
        assertEquals(bytes <= 255, PathValidator.isSafe(ascii));
        // 'é' is two bytes: 128 of them are 256 bytes though only 128 characters.
        assertTrue(PathValidator.isSafe("\u00e9".repeat(127)));
        assertEquals(Optional.of("names longer than 255 bytes are not allowed"),
                PathValidator.problem("\u00e9".repeat(128)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "''              | _",
        ".               | _",
        "..              | _",
        "...             | _",
        "a/b             | a_b",
        "a\\b            | a_b",
        "C:              | C_",
        "'a<>:\"|?*b'    | a_______b",
        "name.           | name",
        "'name . . '     | name",
        "CON             | CON_",
        "aux.txt         | aux_.txt",
        "Con.tar.gz      | Con_.tar.gz",
        "'CON .txt'      | 'CON _.txt'",
        "'nul.'          | nul_",
        "'a\u0001b'      | a_b",
    })
    void sanitizeTable(String component, String expected) {
        assertEquals(expected, PathValidator.sanitize(component));
        assertTrue(PathValidator.isSafe(expected), expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {".txt", ".a-very-long-extension-that-is-more-than-32-bytes-long"})
    void sanitizeShortensKeepingShortExtensions(String extension) {
        String name = "x".repeat(300) + extension;
        String safe = PathValidator.sanitize(name);
        assertTrue(PathValidator.isSafe(safe));
        assertTrue(safe.getBytes(StandardCharsets.UTF_8).length <= 255);
        assertEquals(extension.length() <= 32, safe.endsWith(extension), safe);
    }

    @ParameterizedTest
    @CsvSource({"a.txt, _2, a_2.txt", "a, _3, a_3", ".bashrc, _2, .bashrc_2", "a.b.c, _2, a.b_2.c"})
    void withSuffix(String name, String suffix, String expected) {
        assertEquals(expected, PathValidator.withSuffix(name, suffix));
    }

    @Property
    void sanitizedIsAlwaysSafe(@ForAll("components") String component) {
        String safe = PathValidator.sanitize(component);
        assertEquals(Optional.empty(), PathValidator.problem(safe), () -> "sanitize(" + component + ") = " + safe);
    }

    @Property
    void sanitizeIsIdempotent(@ForAll("components") String component) {
        String once = PathValidator.sanitize(component);
        assertEquals(once, PathValidator.sanitize(once));
    }

    @Property
    void safeComponentsAreLeftAlone(@ForAll("components") String component) {
        if (PathValidator.isSafe(component)) {
            assertEquals(component, PathValidator.sanitize(component));
        }
    }

    @Provide
    Arbitrary<String> components() {
        Arbitrary<String> tricky = Arbitraries.of("CON", "aux", "nul", "COM1", "lpt9", "..", ".", " ", ".txt", "a",
                "/", "\\", ":", "\u0000", "\u00e9", "\ud83d\ude00", "?", "*", "CONOUT$");
        Arbitrary<String> pieces = Arbitraries.oneOf(tricky, Arbitraries.strings().ofMaxLength(8),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(50).ofMaxLength(300));
        return pieces.list().ofMaxSize(6).map(list -> String.join("", list));
    }
}
