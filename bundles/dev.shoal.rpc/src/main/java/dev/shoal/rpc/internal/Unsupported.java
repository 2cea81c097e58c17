package dev.shoal.rpc.internal;

import java.util.List;
import java.util.stream.Stream;

/**
 * Arguments Transmission knows that Shoal's engine cannot honour yet: a request giving one is
 * refused whole, naming it, rather than half applied and answered with success.
 */
final class Unsupported {

    /** {@code torrent-set} arguments beyond the engine API. */
    static final List<String> TORRENT = List.of("bandwidthPriority", "peer-limit", "honorsSessionLimits", "queuePosition", "trackerAdd", "trackerRemove",
            "trackerReplace", "trackerList", "sequentialDownload", "sequential_download_from_piece", "group",
            "priority-low", "cookies");

    /** {@code torrent-add} arguments beyond the engine API: those of {@code torrent-set} it does not apply on adding. */
    static final List<String> TORRENT_ADD = Stream.concat(Stream.of("location"),
            TORRENT.stream()).toList();

    private Unsupported() {
    }

    /** Refuses the first of {@code names} given a value (an empty list of labels or low priorities asks nothing). */
    static void refuse(Arguments arguments, List<String> names) throws RpcException {
        for (String name : names) {
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
