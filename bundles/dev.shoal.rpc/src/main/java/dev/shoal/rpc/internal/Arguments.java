package dev.shoal.rpc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A request's {@code arguments}, found under any spelling of their names ({@link Names#key}), read
 * with their types checked: a wrong type is a one-line error naming the argument, never a default.
 */
final class Arguments {

    /** Most entries an index list ({@code files-wanted}, {@code ids}) may hold: more than any torrent's files. */
    static final int MAX_LIST = 1_000_000;

    private final Map<String, JsonNode> byKey = new HashMap<>();
    private final Map<String, String> spelled = new HashMap<>();

    Arguments(JsonNode arguments) {
        if (arguments == null || !arguments.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = arguments.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = Names.key(entry.getKey());
            byKey.put(key, entry.getValue());
            spelled.put(key, entry.getKey());
        }
    }

    boolean has(String name) {
        JsonNode value = byKey.get(Names.key(name));
        return value != null && !value.isNull();
    }

    /** The names given, as the client spelt them. */
    List<String> names() {
        return List.copyOf(spelled.values());
    }

    Optional<JsonNode> raw(String name) {
        JsonNode value = byKey.get(Names.key(name));
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    Optional<String> string(String name) throws RpcException {
        Optional<JsonNode> value = raw(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.get().isTextual()) {
            throw wrongType(name, "a string");
        }
        return Optional.of(value.get().textValue());
    }

    Optional<Boolean> bool(String name) throws RpcException {
        Optional<JsonNode> value = raw(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        // Transmission's own clients have sent 0 and 1 for booleans: libtransmission reads both.
        if (value.get().isBoolean()) {
            return Optional.of(value.get().booleanValue());
        }
        if (value.get().isIntegralNumber() && (value.get().asLong() == 0 || value.get().asLong() == 1)) {
            return Optional.of(value.get().asLong() == 1);
        }
        throw wrongType(name, "a boolean");
    }

    OptionalLong integer(String name) throws RpcException {
        Optional<JsonNode> value = raw(name);
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        if (!value.get().isIntegralNumber() || !value.get().canConvertToLong()) {
            throw wrongType(name, "an integer");
        }
        return OptionalLong.of(value.get().longValue());
    }

    OptionalDouble number(String name) throws RpcException {
        Optional<JsonNode> value = raw(name);
        if (value.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (!value.get().isNumber() || !Double.isFinite(value.get().doubleValue())) {
            throw wrongType(name, "a number");
        }
        return OptionalDouble.of(value.get().doubleValue());
    }

    /** A list of non-negative integers (file indices), if given. */
    Optional<List<Integer>> indices(String name) throws RpcException {
        Optional<JsonNode> value = raw(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.get().isArray() || value.get().size() > MAX_LIST) {
            throw wrongType(name, "a list of file indices");
        }
        List<Integer> indices = new ArrayList<>(value.get().size());
        for (JsonNode element : value.get()) {
            if (!element.isIntegralNumber() || !element.canConvertToInt() || element.intValue() < 0) {
                throw wrongType(name, "a list of file indices");
            }
            indices.add(element.intValue());
        }
        return Optional.of(indices);
    }

    /** A list of strings ({@code fields}, {@code labels}), if given. */
    Optional<List<String>> strings(String name) throws RpcException {
        Optional<JsonNode> value = raw(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.get().isArray() || value.get().size() > MAX_LIST) {
            throw wrongType(name, "a list of strings");
        }
        List<String> strings = new ArrayList<>(value.get().size());
        for (JsonNode element : value.get()) {
            if (!element.isTextual()) {
                throw wrongType(name, "a list of strings");
            }
            strings.add(element.textValue());
        }
        return Optional.of(strings);
    }

    /** An absolute folder ({@code location}, {@code download-dir}), normalized, if given. */
    Optional<Path> folder(String name) throws RpcException {
        Optional<String> text = string(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(text.get());
            if (!path.isAbsolute()) {
                throw new RpcException("argument '" + name + "' must be an absolute path: " + text.get());
            }
            return Optional.of(path.normalize());
        } catch (InvalidPathException e) {
            throw new RpcException("argument '" + name + "' is not a path here: " + text.get());
        }
    }

    static RpcException wrongType(String name, String expected) {
        return new RpcException("argument '" + name + "' must be " + expected);
    }
}
