package dev.shoal.shell.internal.args;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.BitSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileSelectionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1|0", "10|9", "2-4|1 2 3", "1,4,7-9|0 3 6 7 8", "all|0 1 2 3 4 5 6 7 8 9",
        "ALL|0 1 2 3 4 5 6 7 8 9", "3-3|2", " 5 , 6 |4 5"})
    void selectsFilesNumberedFromOne(String text, String indexes) {
        assertEquals(indexes, join(FileSelection.parse(text, 10)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "11|no file 11: the torrent has 10 files",
        "4-2|not a range: \"4-2\" (the first number comes first)",
        "0|not a file number: \"0\" (say e.g. 3, 2-5, 1,4,7-9 or all; shoal:files numbers them from 1)",
        "x|not a file number: \"x\" (say e.g. 3, 2-5, 1,4,7-9 or all; shoal:files numbers them from 1)",
        "1,,2|not a file number: \"1,,2\" (say e.g. 3, 2-5, 1,4,7-9 or all; shoal:files numbers them from 1)",
        "-3|not a file number: \"-3\" (say e.g. 3, 2-5, 1,4,7-9 or all; shoal:files numbers them from 1)",
        "99999999999|not a file number: \"99999999999\" (say e.g. 3, 2-5, 1,4,7-9 or all; shoal:files numbers them from 1)"})
    void refusesWhatIsNoFileOfTheTorrent(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> FileSelection.parse(text, 10)).getMessage());
    }

    private static String join(BitSet set) {
        return set.stream().mapToObj(Integer::toString).collect(Collectors.joining(" "));
    }
}
