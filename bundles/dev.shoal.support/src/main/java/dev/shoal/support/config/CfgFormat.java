package dev.shoal.support.config;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A configuration as the text of a FileInstall {@code .cfg} file, in FileInstall's typed syntax
 * ({@code port = I"6881"}, {@code folders = ["/a", "/b"]}), so that FileInstall reads back exactly
 * the values written: the same types, the same strings. Every value is typed because FileInstall
 * reads a file as typed only when all its values are. The text is Latin-1 throughout, as FileInstall
 * reads it.
 */
public final class CfgFormat {

    /** Where FileInstall records the file a configuration came from (a {@code file:} URI). */
    public static final String FILENAME = "felix.fileinstall.filename";

    /** Properties Configuration Admin or FileInstall set themselves; never written to the file. */
    private static final Set<String> NOT_WRITTEN = Set.of(FILENAME, "service.pid", "service.factoryPid",
            "service.bundleLocation");

    private static final Map<Class<?>, Character> CODES = Map.of(Integer.class, 'I', Long.class, 'L',
            Float.class, 'F', Double.class, 'D', Byte.class, 'X', Short.class, 'S', Character.class, 'C',
            Boolean.class, 'B');
    private static final Map<Class<?>, Character> PRIMITIVE_CODES = Map.of(int.class, 'i', long.class, 'l',
            float.class, 'f', double.class, 'd', byte.class, 'x', short.class, 's', char.class, 'c',
            boolean.class, 'b');

    private CfgFormat() {
    }

    /**
     * The file's text: one {@code key = value} line per property, sorted by key.
     *
     * @throws IllegalArgumentException for a value a {@code .cfg} cannot hold (not a string, a
     *                                  primitive wrapper, or an array or collection of them)
     */
    public static String write(Dictionary<String, ?> properties) {
        List<String> keys = new ArrayList<>(Collections.list(properties.keys()));
        Collections.sort(keys);
        StringBuilder text = new StringBuilder();
        for (String key : keys) {
            if (!NOT_WRITTEN.contains(key)) {
                text.append(escapeKey(key)).append(" = ").append(value(key, properties.get(key))).append('\n');
            }
        }
        return text.toString();
    }

    private static String value(String key, Object value) {
        StringBuilder text = new StringBuilder();
        if (value.getClass().isArray()) {
            text.append(code(key, value.getClass().getComponentType())).append('[');
            for (int i = 0; i < Array.getLength(value); i++) {
                text.append(i > 0 ? ", " : "").append(simple(key, Array.get(value, i)));
            }
            return text.append(']').toString();
        }
        if (value instanceof Collection<?> values) {
            // As an array: FileInstall 3.7.4 reads a file holding a collection's "(...)" as untyped.
            Class<?> type = values.isEmpty() ? String.class : values.iterator().next().getClass();
            text.append(code(key, type)).append('[');
            boolean first = true;
            for (Object element : values) {
                text.append(first ? "" : ", ").append(simple(key, element));
                first = false;
            }
            return text.append(']').toString();
        }
        return code(key, value.getClass()) + simple(key, value);
    }

    /** The type code before a value; none for strings. */
    private static String code(String key, Class<?> type) {
        if (type == String.class) {
            return "";
        }
        Character code = type.isPrimitive() ? PRIMITIVE_CODES.get(type) : CODES.get(type);
        if (code == null) {
            throw new IllegalArgumentException(key + ": a .cfg file cannot hold a " + type.getName());
        }
        return code.toString();
    }

    private static String simple(String key, Object value) {
        code(key, value.getClass()); // refuses an element a .cfg cannot hold
        String text;
        // FileInstall reads a float or double without a '.' as its raw bits (the older syntax), so
        // NaN and the infinities are written that way; every finite value has its '.'.
        if (value instanceof Double d && !Double.isFinite(d)) {
            text = Long.toString(Double.doubleToRawLongBits(d));
        } else if (value instanceof Float f && !Float.isFinite(f)) {
            text = Integer.toString(Float.floatToRawIntBits(f));
        } else {
            text = String.valueOf(value);
        }
        return '"' + quoted(text) + '"';
    }

    /**
     * FileInstall's escapes inside {@code "..."}: a backslash before {@code "}, control characters and
     * whatever is not Latin-1 (FileInstall reads a .cfg as ISO-8859-1) as escapes. A backslash is
     * four: the properties layer of FileInstall's reader makes {@code \\} one backslash before the
     * value's own syntax does the same again.
     */
    private static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\\\\\");
                case '"' -> out.append("\\\"");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < ' ' || c > 0xff) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A properties file's key escapes, for the characters that would end or break the key. */
    private static String escapeKey(String key) {
        StringBuilder out = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            if (c == ' ' || c == '=' || c == ':' || c == '#' || c == '!' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < ' ' || c > 0xff) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
