package dev.shoal.shell.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shoal.shell.internal.text.Table.Column;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void alignsTextLeftAndNumbersRightWithoutTrailingSpaces() {
        Table table = Table.of(Column.right("ID"), Column.left("NAME"), Column.right("SIZE"))
                .row(1, "ubuntu", "4.6 GiB")
                .row(12, "a", "0 B")
                .build();
        assertEquals(List.of(
                "ID  NAME       SIZE",
                " 1  ubuntu  4.6 GiB",
                "12  a           0 B"), table.lines());
        assertEquals(String.join("\n", table.lines()), table.render());
    }

    @Test
    void aLastLeftColumnLeavesNoTrailingSpaces() {
        Table table = Table.of(Column.left("A"), Column.left("B")).row("x", "").row("long", "y").build();
        assertEquals(List.of("A     B", "x", "long  y"), table.lines());
    }

    @Test
    void controlCharactersCannotForgeLinesOrDriveTheTerminal() {
        Table table = Table.of(Column.left("NAME")).row("evil\nname\u001b[2J\u2028").build();
        assertEquals(List.of("NAME", "evil?name?[2J?"), table.lines());
    }

    @Test
    void longCellsAreCutToTheColumnWidth() {
        Table table = Table.of(Column.left("NAME", 5)).row("abcdefgh").row("abcde").build();
        assertEquals(List.of("NAME", "abcd…", "abcde"), table.lines());
    }

    @Test
    void aRowMustFillTheColumns() {
        assertThrows(IllegalArgumentException.class, () -> Table.of(Column.left("A"), Column.left("B")).row("x"));
    }

    @Test
    void anEmptyTableIsItsHeader() {
        assertEquals("A  B", Table.of(Column.left("A"), Column.left("B")).build().render());
    }

    @Test
    void detailsAlignTheirValues() {
        Details details = Details.of().with("Id", 3).with("Info hash", "ab12").with("Error", "bad\nline");
        assertEquals(List.of(
                "Id:        3",
                "Info hash: ab12",
                "Error:     bad?line"), details.lines());
    }
}
