package dev.shoal.shell.internal;

import dev.shoal.shell.internal.text.Details;
import dev.shoal.shell.internal.text.Report;
import dev.shoal.shell.internal.text.Table;
import org.apache.felix.service.command.Converter;
import org.osgi.service.component.annotations.Component;

/**
 * Formats what the commands return. Gogo prints a command's result with {@link #INSPECT} at the
 * console and into a pipe, so a table becomes its header and one line per row, which {@code grep}
 * then filters; {@link #LINE} (the result inside a list or map) is the same text, {@link #PART} a
 * short summary.
 */
@Component(service = Converter.class, property = {
    Converter.CONVERTER_CLASSES + "=dev.shoal.shell.internal.text.Table",
    Converter.CONVERTER_CLASSES + "=dev.shoal.shell.internal.text.Details",
    Converter.CONVERTER_CLASSES + "=dev.shoal.shell.internal.text.Report"})
public final class ShoalConverter implements Converter {

    @Override
    public Object convert(Class<?> desiredType, Object in) {
        // Nothing is read back from text: commands take torrents by id and look them up themselves.
        return null;
    }

    @Override
    public CharSequence format(Object target, int level, Converter escape) {
        if (target instanceof Table table) {
            return level == PART ? table.rows().size() + " rows" : table.render();
        }
        if (target instanceof Details details) {
            return level == PART ? details.fields().size() + " fields" : details.render();
        }
        if (target instanceof Report report) {
            return level == PART ? report.table().rows().size() + " rows" : report.render();
        }
        return null;
    }
}
