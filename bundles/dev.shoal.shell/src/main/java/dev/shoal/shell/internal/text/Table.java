package dev.shoal.shell.internal.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Rows under a header, as commands return them: the shell's converter renders them as aligned
 * text, one line per row, so {@code shoal:list | grep ubuntu} keeps whole rows.
 *
 * @param columns the header
 * @param rows    the cells, one list per row, as many as there are columns, already cleaned and cut
 */
public record Table(List<Column> columns, List<List<String>> rows) {

    private static final String GAP = "  ";

    /**
     * @param title    the header cell
     * @param right    numbers align right
     * @param maxWidth cells longer than this are cut
     */
    public record Column(String title, boolean right, int maxWidth) {

        public static Column left(String title) {
            return new Column(title, false, 200);
        }

        public static Column left(String title, int maxWidth) {
            return new Column(title, false, maxWidth);
        }

        public static Column right(String title) {
            return new Column(title, true, 40);
        }
    }

    public Table {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row of " + row.size() + " cells under " + columns.size() + " columns");
            }
        }
    }

    public static Builder of(Column... columns) {
        return new Builder(Arrays.asList(columns));
    }

    /** Collects rows; cells are cleaned of control characters and cut to their column's width. */
    public static final class Builder {

        private final List<Column> columns;
        private final List<List<String>> rows = new ArrayList<>();

        private Builder(List<Column> columns) {
            this.columns = List.copyOf(columns);
        }

        public Builder row(Object... cells) {
            if (cells.length != columns.size()) {
                throw new IllegalArgumentException(cells.length + " cells for " + columns.size() + " columns");
            }
            List<String> row = new ArrayList<>(cells.length);
            for (int i = 0; i < cells.length; i++) {
                row.add(Cells.clean(Objects.toString(cells[i]), columns.get(i).maxWidth()));
            }
            rows.add(row);
            return this;
        }

        public Table build() {
            return new Table(columns, rows);
        }
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The header and the rows, aligned; no trailing spaces. */
    public List<String> lines() {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = columns.get(c).title().length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        List<String> lines = new ArrayList<>(rows.size() + 1);
        lines.add(line(columns.stream().map(Column::title).toList(), widths));
        for (List<String> row : rows) {
            lines.add(line(row, widths));
        }
        return lines;
    }

    private String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            if (c > 0) {
                line.append(GAP);
            }
            line.append(columns.get(c).right() ? pad + cell : cell + pad);
        }
        return line.toString().stripTrailing();
    }

    /** The whole table as text, lines separated by '\n', no final newline. */
    public String render() {
        return String.join("\n", lines());
    }

    @Override
    public String toString() {
        return render();
    }
}
