package dev.shoal.shell.internal.config;

import dev.shoal.shell.internal.args.ShellException;
import dev.shoal.shell.internal.text.Table;
import dev.shoal.shell.internal.text.Table.Column;
import dev.shoal.support.config.InvalidValueException;
import dev.shoal.support.config.MetatypeValues;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Map;
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
            table.row(pid, ad.getID(), value == null ? "-" : shown(ad, value), MetatypeValues.defaults(ad),
                    description);
        }
    }

    /**
     * What the configuration becomes with {@code attribute} set to {@code text}: the other
     * properties kept, the value typed and checked as the metatype says (as the desktop's
     * preferences do it: {@link MetatypeValues}).
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
        Object value;
        try {
            value = MetatypeValues.parse(ad, text);
        } catch (InvalidValueException e) {
            throw new ShellException(pid + " " + attribute + ": " + e.getMessage());
        }
        Object before = current == null ? null : current.get(attribute);
        String was = before != null ? shown(ad, before)
                : "default " + (ad.getDefaultValue() == null ? "none" : MetatypeValues.defaults(ad));
        return new Change(MetatypeValues.merged(current, Map.of(attribute, value)),
                pid + " " + attribute + ": " + was + " -> " + shown(ad, value));
    }

    /** A value as the shell may print it: a password only says whether it is set, never what it is. */
    private static String shown(AttributeDefinition ad, Object value) {
        if (ad.getType() == AttributeDefinition.PASSWORD) {
            return MetatypeValues.text(value).isEmpty() ? "(empty)" : "(set, hidden)";
        }
        return MetatypeValues.text(value);
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
}
