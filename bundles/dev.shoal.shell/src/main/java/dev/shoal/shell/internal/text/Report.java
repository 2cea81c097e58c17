package dev.shoal.shell.internal.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A table and lines beneath it ({@code shoal:search}: the hits, then how each provider did),
 * rendered as the table, a blank line and the notes; no table at all when it has no rows.
 *
 * @param table the rows
 * @param notes lines under them, already cleaned
 */
public record Report(Table table, List<String> notes) {

    private static final int MAX_NOTE = 400;

    public Report {
        notes = notes.stream().map(note -> Cells.clean(note, MAX_NOTE)).toList();
    }

    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        if (!table.isEmpty()) {
            lines.addAll(table.lines());
            if (!notes.isEmpty()) {
                lines.add("");
            }
        }
        lines.addAll(notes);
        return lines;
    }

    public String render() {
        return String.join("\n", lines());
    }

    @Override
    public String toString() {
        return render();
    }
}
