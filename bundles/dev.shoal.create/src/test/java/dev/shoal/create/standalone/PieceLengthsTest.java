package dev.shoal.create.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PieceLengthsTest {

    static final long KIB = 1024;
    static final long MIB = 1024 * KIB;
    static final long GIB = 1024 * MIB;

    @ParameterizedTest
    @CsvSource({
        "1, 16384",
        "1000003, 16384",
        "32768000, 16384",
        "32768001, 32768",
        "104857600, 65536",
        "734003200, 524288",
        "1073741824, 1048576",
        "4700000000, 4194304",
        "107374182400, 16777216",
        "10995116277760, 16777216",
    })
    void table(long total, int expected) {
        assertEquals(expected, PieceLengths.auto(total));
    }

    @ParameterizedTest
    @ValueSource(longs = {40 * MIB, 700 * MIB, GIB, 3 * GIB, 20 * GIB})
    void aimsForOneToTwoThousandPieces(long total) {
        long pieces = (total + PieceLengths.auto(total) - 1) / PieceLengths.auto(total);
        assertTrue(pieces > 1000 && pieces <= 2000, pieces + " pieces");
    }
}
