package dev.shoal.rpc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.Torrent;
import dev.shoal.metainfo.InfoHash;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The torrents a request's {@code ids} names: all when it is absent; one id; a list of ids and
 * SHA-1 hashes. The ids are the engine's short ids, stable for the daemon's run and beyond. A name
 * that matches no torrent is an error, so that a client never hears success for nothing done.
 */
final class Selection {

    private static final Pattern SHA1_HEX = Pattern.compile("[0-9a-fA-F]{40}");

    private Selection() {
    }

    static List<Torrent> of(Engine engine, Arguments arguments) throws RpcException {
        Optional<JsonNode> ids = arguments.raw("ids");
        if (ids.isEmpty()) {
            return engine.torrents();
        }
        JsonNode value = ids.get();
        if (recentlyActive(arguments)) {
            // Until the engine keeps activity times: every torrent, a superset that web clients (which ask for
            // it on each refresh) take as it is; only torrents removed elsewhere stay listed until a reload.
            return engine.torrents();
        }
        List<JsonNode> named = new ArrayList<>();
        if (value.isArray()) {
            if (value.size() > Arguments.MAX_LIST) {
                throw Arguments.wrongType("ids", "a torrent id, a hash, or a list of them");
            }
            value.forEach(named::add);
        } else {
            named.add(value);
        }
        Map<Integer, Torrent> byId = new LinkedHashMap<>();
        for (Torrent torrent : engine.torrents()) {
            byId.put(torrent.id(), torrent);
        }
        Map<Integer, Torrent> chosen = new LinkedHashMap<>();
        for (JsonNode one : named) {
            Torrent torrent = find(engine, byId, one);
            chosen.put(torrent.id(), torrent);
        }
        return List.copyOf(chosen.values());
    }

    /** Whether {@code ids} is "recently-active", whose answer also says which torrents were removed. */
    static boolean recentlyActive(Arguments arguments) {
        return arguments.raw("ids").filter(v -> v.isTextual() && Names.key(v.textValue()).equals("recentlyactive"))
                .isPresent();
    }

    private static Torrent find(Engine engine, Map<Integer, Torrent> byId, JsonNode one) throws RpcException {
        if (one.isIntegralNumber() && one.canConvertToInt()) {
            Torrent torrent = byId.get(one.intValue());
            if (torrent == null) {
                throw new RpcException("no torrent with id " + one.intValue());
            }
            return torrent;
        }
        if (one.isTextual() && SHA1_HEX.matcher(one.textValue()).matches()) {
            return engine.torrent(InfoHash.fromHex(one.textValue().toLowerCase(Locale.ROOT)))
                    .orElseThrow(() -> new RpcException("no torrent with hash " + one.textValue()));
        }
        throw Arguments.wrongType("ids", "a torrent id, a 40-digit SHA-1 hash, or a list of them");
    }
}
