package dev.shoal.rpc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Arguments Transmission knows that Shoal's engine cannot honour yet: a request giving one is
 * refused whole, naming it, rather than half applied and answered with success.
 */
final class Unsupported {

    /** {@code torrent-set} arguments beyond the engine API. */
    static final List<String> TORRENT = List.of("bandwidthPriority", "peer-limit", "honorsSessionLimits",
            "sequentialDownload", "sequential_download_from_piece", "group", "priority-low", "cookies");

    /** {@code torrent-add} arguments beyond the engine API: those of {@code torrent-set} it does not apply on adding. */
    static final List<String> TORRENT_ADD = Stream.concat(Stream.of("queuePosition", "trackerAdd", "trackerRemove",
            "trackerReplace", "trackerList"), TORRENT.stream()).toList();

    private Unsupported() {
    }

    /**
     * What Shoal does already, so asking it changes nothing and is no refusal: every torrent has normal
     * bandwidth priority (0), none downloads in sequence, and the session's limits bind every one.
     */
    private static final Map<String, JsonNode> ALREADY = Map.of(Names.key("bandwidthPriority"), IntNode.valueOf(0),
            Names.key("sequentialDownload"), BooleanNode.FALSE, Names.key("honorsSessionLimits"), BooleanNode.TRUE);

    /**
     * Refuses the first of {@code names} given a value (an empty list of labels or low priorities asks
     * nothing, nor does a value Shoal has already).
     */
    static void refuse(Arguments arguments, List<String> names) throws RpcException {
        for (String name : names) {
            JsonNode already = ALREADY.get(Names.key(name));
            if (already != null && arguments.raw(name).map(v -> v.equals(already)
                    || v.isNumber() && already.isNumber() && v.asLong() == already.asLong()).orElse(false)) {
                continue;
            }
            if (arguments.has(name) && !emptyList(arguments, name)) {
                throw RpcException.notSupported("'" + name + "'");
            }
        }
    }

    private static boolean emptyList(Arguments arguments, String name) {
        return arguments.raw(name).map(v -> v.isArray() && v.isEmpty()).orElse(false)
                && !Names.key(name).startsWith("priority");
    }
}
