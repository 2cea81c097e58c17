package dev.shoal.shell.internal.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One thing described field by field ({@code shoal:info}, {@code shoal:goal}), rendered as
 * {@code Label:  value} lines with the values aligned.
 *
 * @param fields the labels and values, in order, already cleaned
 */
public record Details(List<Field> fields) {

    private static final int MAX_VALUE = 400;

    public record Field(String label, String value) {
    }

    public Details {
        fields = List.copyOf(fields);
    }

    public static Details of() {
        return new Details(List.of());
    }

    /** These details and one more field; the value is cleaned of control characters and cut. */
    public Details with(String label, Object value) {
        List<Field> more = new ArrayList<>(fields);
        more.add(new Field(label, Cells.clean(Objects.toString(value), MAX_VALUE)));
        return new Details(more);
    }

    public List<String> lines() {
        int width = fields.stream().mapToInt(f -> f.label().length()).max().orElse(0) + 1;
        List<String> lines = new ArrayList<>(fields.size());
        for (Field field : fields) {
            String label = field.label() + ":";
            lines.add((label + " ".repeat(width - label.length() + 1) + field.value()).stripTrailing());
        }
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
