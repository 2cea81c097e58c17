package dev.shoal.shell.internal.config;

import dev.shoal.shell.internal.args.ShellException;
import dev.shoal.shell.internal.text.Table;
import dev.shoal.shell.internal.text.Table.Column;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Objects;
import java.util.stream.Collectors;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * One configuration as its metatype describes it: shown as rows, changed one attribute at a time
 * after the metatype's own validation (type, min, max, options).
 */
public final class Settings {

    private Settings() {
    }

    public static Table.Builder table() {
        return Table.of(Column.left("PID"), Column.left("ATTRIBUTE"), Column.left("VALUE", 60),
                Column.left("DEFAULT", 60), Column.left("DESCRIPTION", 100));
    }

    /** One row per attribute; VALUE is "-" where the configuration does not set it (the default applies). */
    public static void addRows(Table.Builder table, String pid, ObjectClassDefinition ocd, Dictionary<String, ?> current) {
        for (AttributeDefinition ad : attributes(ocd)) {
            Object value = current == null ? null : current.get(ad.getID());
            String description = ad.getDescription() == null || ad.getDescription().isBlank() ? ad.getName()
                    : ad.getName() + ": " + ad.getDescription();
            table.row(pid, ad.getID(), value == null ? "-" : text(value),
                    ad.getDefaultValue() == null ? "" : String.join(",", ad.getDefaultValue()), description);
        }
    }

    /**
     * What the configuration becomes with {@code attribute} set to {@code text}: the other
     * properties kept, the value typed as the metatype says.
     *
     * @throws ShellException when there is no such attribute or the value does not fit it
     */
    public static Change change(String pid, ObjectClassDefinition ocd, Dictionary<String, ?> current, String attribute,
            String text) {
        AttributeDefinition ad = Arrays.stream(attributes(ocd)).filter(a -> a.getID().equals(attribute)).findFirst()
                .orElseThrow(() -> new ShellException(pid + " has no attribute " + attribute + " (it has "
                        + Arrays.stream(attributes(ocd)).map(AttributeDefinition::getID).collect(Collectors.joining(", "))
                        + ")"));
        if (ad.getCardinality() != 0) {
            throw new ShellException(pid + " " + attribute + " holds several values; the shell sets single values only");
        }
        // The type first, for a message that says what is expected; then the metatype's own bounds.
        Object value = typed(ad.getType(), text, pid + " " + attribute);
        String problem = ad.validate(text);
        if (problem != null && !problem.isEmpty()) {
            throw new ShellException(pid + " " + attribute + ": " + problem + " (\"" + text + "\")");
        }
        Hashtable<String, Object> changed = new Hashtable<>();
        if (current != null) {
            for (Enumeration<String> keys = current.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                changed.put(key, current.get(key));
            }
        }
        Object before = changed.put(attribute, value);
        return new Change(changed, pid + " " + attribute + ": " + (before == null ? "default "
                + (ad.getDefaultValue() == null ? "none" : String.join(",", ad.getDefaultValue())) : text(before))
                + " -> " + text(value));
    }

    /**
     * @param properties the whole new configuration
     * @param summary    {@code <pid> <attribute>: <before> -> <after>}
     */
    public record Change(Dictionary<String, Object> properties, String summary) {
    }

    private static AttributeDefinition[] attributes(ObjectClassDefinition ocd) {
        AttributeDefinition[] all = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        return all == null ? new AttributeDefinition[0] : all;
    }

    private static Object typed(int type, String text, String what) {
        String t = text.trim();
        try {
            return switch (type) {
                case AttributeDefinition.LONG -> Long.valueOf(t);
                case AttributeDefinition.INTEGER -> Integer.valueOf(t);
                case AttributeDefinition.SHORT -> Short.valueOf(t);
                case AttributeDefinition.BYTE -> Byte.valueOf(t);
                case AttributeDefinition.DOUBLE -> Double.valueOf(t);
                case AttributeDefinition.FLOAT -> Float.valueOf(t);
                case AttributeDefinition.BOOLEAN -> bool(t);
                case AttributeDefinition.CHARACTER -> character(t);
                default -> text;
            };
        } catch (IllegalArgumentException e) {
            throw new ShellException(what + ": \"" + text + "\" is not " + typeName(type));
        }
    }

    private static Boolean bool(String t) {
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return Boolean.valueOf(t);
        }
        throw new IllegalArgumentException(t);
    }

    private static Character character(String t) {
        if (t.length() != 1) {
            throw new IllegalArgumentException(t);
        }
        return t.charAt(0);
    }

    private static String typeName(int type) {
        return switch (type) {
            case AttributeDefinition.LONG, AttributeDefinition.INTEGER, AttributeDefinition.SHORT,
                    AttributeDefinition.BYTE -> "a whole number in range";
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> "a number";
            case AttributeDefinition.BOOLEAN -> "true or false";
            case AttributeDefinition.CHARACTER -> "one character";
            default -> "a value of this attribute";
        };
    }

    /** A configured value as text; arrays and collections comma-separated. */
    static String text(Object value) {
        if (value != null && value.getClass().isArray()) {
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < Array.getLength(value); i++) {
                joined.append(i > 0 ? "," : "").append(Array.get(value, i));
            }
            return joined.toString();
        }
        if (value instanceof Iterable<?> values) {
            StringBuilder joined = new StringBuilder();
            for (Object v : values) {
                joined.append(joined.length() > 0 ? "," : "").append(v);
            }
            return joined.toString();
        }
        return Objects.toString(value);
    }
}
