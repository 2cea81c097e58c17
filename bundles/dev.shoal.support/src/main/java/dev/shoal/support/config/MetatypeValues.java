package dev.shoal.support.config;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Vector;
import org.osgi.service.metatype.AttributeDefinition;

/**
 * Between a setting's text (a preference field, a {@code shoal:config} argument) and a configuration
 * value, as the attribute's metatype describes it: the type parsed first, for a message that says
 * what is expected, then the metatype's own validation (min, max, options). Several values are
 * written comma-separated. The desktop and the shell convert with this one class, so a value one
 * accepts the other does too.
 */
public final class MetatypeValues {

    private MetatypeValues() {
    }

    /** The metatype's default as text, comma-separated; "" when it has none. */
    public static String defaults(AttributeDefinition ad) {
        String[] defaults = ad.getDefaultValue();
        return defaults == null ? "" : String.join(",", defaults);
    }

    /** The stored value as text, else the metatype's default: what a field shows first. */
    public static String initial(AttributeDefinition ad, Dictionary<String, ?> stored) {
        Object value = stored == null ? null : stored.get(ad.getID());
        return value != null ? text(value) : defaults(ad);
    }

    /**
     * The value to store for {@code text}: typed as the metatype says, an array for a positive
     * cardinality, a {@link Vector} for a negative one.
     *
     * @throws InvalidValueException when the text is not of the type or the metatype rejects it
     */
    public static Object parse(AttributeDefinition ad, String text) throws InvalidValueException {
        if (ad.getCardinality() == 0) {
            return single(ad, text);
        }
        List<Object> values = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            if (!part.isBlank()) {
                values.add(single(ad, part.strip()));
            }
        }
        int most = Math.abs(ad.getCardinality());
        if (values.size() > most) {
            throw new InvalidValueException("at most " + most + " values");
        }
        if (ad.getCardinality() < 0) {
            return new Vector<>(values);
        }
        Object array = Array.newInstance(javaType(ad.getType()), values.size());
        for (int i = 0; i < values.size(); i++) {
            Array.set(array, i, values.get(i));
        }
        return array;
    }

    /** {@code stored} (may be null) with the {@code changed} keys set; every other key kept as it was. */
    public static Hashtable<String, Object> merged(Dictionary<String, ?> stored, Map<String, Object> changed) {
        Hashtable<String, Object> merged = new Hashtable<>();
        if (stored != null) {
            for (Enumeration<String> keys = stored.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                merged.put(key, stored.get(key));
            }
        }
        merged.putAll(changed);
        return merged;
    }

    /** A configured value as text; arrays and collections comma-separated. */
    public static String text(Object value) {
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

    /** Strings as typed; other types without the blanks around them, for the parser and the metatype alike. */
    private static Object single(AttributeDefinition ad, String text) throws InvalidValueException {
        int type = ad.getType();
        String value = type == AttributeDefinition.STRING || type == AttributeDefinition.PASSWORD ? text : text.strip();
        Object typed = typed(type, value);
        String problem = ad.validate(value);
        if (problem != null && !problem.isEmpty()) {
            throw new InvalidValueException(problem + " (\"" + value + "\")");
        }
        return typed;
    }

    private static Object typed(int type, String value) throws InvalidValueException {
        try {
            return switch (type) {
                case AttributeDefinition.LONG -> Long.valueOf(value);
                case AttributeDefinition.INTEGER -> Integer.valueOf(value);
                case AttributeDefinition.SHORT -> Short.valueOf(value);
                case AttributeDefinition.BYTE -> Byte.valueOf(value);
                case AttributeDefinition.DOUBLE -> Double.valueOf(value);
                case AttributeDefinition.FLOAT -> Float.valueOf(value);
                case AttributeDefinition.BOOLEAN -> bool(value);
                case AttributeDefinition.CHARACTER -> character(value);
                default -> value;
            };
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("\"" + value + "\" is not " + typeName(type));
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

    private static Class<?> javaType(int type) {
        return switch (type) {
            case AttributeDefinition.LONG -> Long.class;
            case AttributeDefinition.INTEGER -> Integer.class;
            case AttributeDefinition.SHORT -> Short.class;
            case AttributeDefinition.BYTE -> Byte.class;
            case AttributeDefinition.DOUBLE -> Double.class;
            case AttributeDefinition.FLOAT -> Float.class;
            case AttributeDefinition.BOOLEAN -> Boolean.class;
            case AttributeDefinition.CHARACTER -> Character.class;
            default -> String.class;
        };
    }

    private static String typeName(int type) {
        return switch (type) {
            case AttributeDefinition.LONG, AttributeDefinition.INTEGER, AttributeDefinition.SHORT,
                    AttributeDefinition.BYTE -> "a whole number in range";
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> "a number";
            case AttributeDefinition.BOOLEAN -> "true or false";
            case AttributeDefinition.CHARACTER -> "one character";
            default -> "a value of this setting";
        };
    }
}
