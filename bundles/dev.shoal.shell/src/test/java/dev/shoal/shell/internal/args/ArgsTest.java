package dev.shoal.shell.internal.args;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.shell.internal.args.Args.Spec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArgsTest {

    private static final Spec CREATE = Spec.of("shoal:create <path> [--tracker URL]... [--private]", 1, 1)
            .valued("--tracker", "--out").flags("--private");

    @Test
    void splitsOptionsFromOperandsAnywhereOnTheLine() {
        Args args = Args.parse(CREATE, "--tracker", "http://a/announce", "dir", "--private", "--tracker=udp://b:1");
        assertEquals(List.of("dir"), args.operands());
        assertEquals(List.of("http://a/announce", "udp://b:1"), args.values("--tracker"));
        assertEquals(Optional.of("udp://b:1"), args.value("--tracker"));
        assertTrue(args.flag("--private"));
        assertFalse(args.flag("--out"));
        assertEquals(Optional.empty(), args.value("--out"));
        assertTrue(args.hasOptions());
    }

    @Test
    void doubleDashEndsOptions() {
        Args args = Args.parse(CREATE, "--", "--private");
        assertEquals(List.of("--private"), args.operands());
        assertFalse(args.flag("--private"));
    }

    @Test
    void negativeNumbersAreOperands() {
        assertEquals(List.of("-5"), Args.parse(Spec.of("x <n>", 1, 1), "-5").operands());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--bogus dir|unknown option --bogus",
        "-p dir|unknown option -p",
        "dir --tracker|--tracker needs a value",
        "dir --private=yes|--private takes no value",
        "''|missing arguments",
        "a b|too many arguments"})
    void mistakesSayWhatIsWrongThenTheUsageInOneLine(String line, String problem) {
        String[] argv = line.isEmpty() ? new String[0] : line.split(" ");
        ShellException e = assertThrows(ShellException.class, () -> Args.parse(CREATE, argv));
        assertEquals(problem + "; usage: shoal:create <path> [--tracker URL]... [--private]", e.getMessage());
        assertEquals(e.getMessage(), e.toString(), "Gogo prints toString(): no class name");
    }

    @Test
    void tooFewIsNotMissing() {
        ShellException e = assertThrows(ShellException.class, () -> Args.parse(Spec.of("q <t> <move>", 2, 2), "3"));
        assertTrue(e.getMessage().startsWith("too few arguments; usage: q <t> <move>"), e.getMessage());
    }
}
