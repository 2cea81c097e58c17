package dev.shoal.ui.swt.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowLayoutTest {

    @TempDir
    Path dir;

    private final WindowLayout layout = new WindowLayout(Optional.of(List.of(10, 20, 900, 600)), true, List.of(25, 75),
            List.of(60, 40), false, Map.of("NAME", 333, "SIZE", 90), List.of("NAME", "ID", "SIZE"), Set.of("ETA"),
            Column.SIZE, false);

    @Test
    void savedAndLoadedItIsTheSame() {
        LayoutFile file = new LayoutFile(dir);
        assertEquals(WindowLayout.DEFAULT, file.load(), "no file: the default");
        file.save(layout);
        assertEquals(layout, file.load());
        assertEquals(List.of(Column.NAME, Column.ID, Column.SIZE, Column.PROGRESS), layout.columnOrder().subList(0, 4));
        assertEquals(Column.values().length, layout.columnOrder().size(), "every column, those unnamed after");
        assertEquals(333, layout.width(Column.NAME));
        assertEquals(Column.STATE.width(), layout.width(Column.STATE));
    }

    @Test
    void whatCannotBeReadTakesTheDefaultPieceByPiece() throws Exception {
        Properties p = layout.toProperties();
        p.setProperty("window.bounds", "1,2,three,4");
        p.setProperty("sidebar.weights", "0,10");
        p.setProperty("columns.order", "NAME,GONE,NAME,ID");
        p.setProperty("columns.hidden", "ETA,GONE");
        p.setProperty("sort.column", "GONE");
        p.setProperty("column.NAME.width", "wide");
        WindowLayout read = WindowLayout.of(p);
        assertEquals(Optional.empty(), read.bounds());
        assertEquals(WindowLayout.DEFAULT.sideWeights(), read.sideWeights());
        assertEquals(List.of("NAME", "ID"), read.order());
        assertEquals(Set.of("ETA"), read.hidden());
        assertEquals(WindowLayout.DEFAULT.sort(), read.sort());
        assertEquals(Column.NAME.width(), read.width(Column.NAME));
        assertEquals(90, read.width(Column.SIZE));
        assertEquals(List.of(60, 40), read.splitWeights());

        Files.writeString(dir.resolve(LayoutFile.NAME), "\\u12");
        assertEquals(WindowLayout.DEFAULT, new LayoutFile(dir).load(), "an unreadable file: the default");
    }
}
