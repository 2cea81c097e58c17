package dev.shoal.rpc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.Torrent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * {@code torrent-get}: the fields asked for, each under the name the client spelt it; fields Shoal
 * does not answer are left out; {@code format: "table"} gives a header row and a row per torrent.
 */
final class TorrentGet implements RpcMethod {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Engine engine;

    TorrentGet(Engine engine) {
        this.engine = engine;
    }

    @Override
    public ObjectNode call(Arguments arguments, boolean snake) throws RpcException {
        List<String> asked = arguments.strings("fields")
                .orElseThrow(() -> new RpcException("torrent-get needs 'fields', a list of field names"));
        boolean table = format(arguments);
        List<String> fields = new ArrayList<>();
        for (String field : new LinkedHashSet<>(asked)) {
            if (TorrentFields.known(field)) {
                fields.add(field);
            }
        }
        List<Torrent> torrents = Selection.of(engine, arguments);
        ArrayNode rows = JSON.arrayNode(torrents.size() + 1);
        if (table) {
            ArrayNode header = rows.addArray();
            fields.forEach(header::add);
        }
        for (Torrent torrent : torrents) {
            TorrentView view = new TorrentView(torrent);
            if (table) {
                ArrayNode row = rows.addArray();
                for (String field : fields) {
                    row.add(TorrentFields.value(field, view).orElseThrow());
                }
            } else {
                ObjectNode object = rows.addObject();
                for (String field : fields) {
                    Optional<JsonNode> value = TorrentFields.value(field, view);
                    object.set(field, value.orElseThrow());
                }
            }
        }
        ObjectNode answer = JSON.objectNode();
        answer.set("torrents", rows);
        if (Selection.recentlyActive(arguments)) {
            // Transmission's web client lists the torrents it first hears of only after an answer with "removed".
            answer.putArray("removed");
        }
        return answer;
    }

    private static boolean format(Arguments arguments) throws RpcException {
        Optional<String> format = arguments.string("format");
        if (format.isEmpty() || format.get().equals("objects")) {
            return false;
        }
        if (format.get().equals("table")) {
            return true;
        }
        throw new RpcException("argument 'format' must be \"objects\" or \"table\"");
    }
}
