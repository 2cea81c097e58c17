package dev.shoal.rpc.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.Torrent;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code torrent-get}: the fields asked for, each under the name the client spelt it; fields Shoal
 * does not answer are left out; {@code format: "table"} gives a header row and a row per torrent.
 */
final class TorrentGet implements RpcMethod {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Engine engine;
    private final RecentActivity recent = new RecentActivity(Clock.systemUTC());

    TorrentGet(Engine engine) {
        this.engine = engine;
    }

    @Override
    public ObjectNode call(Arguments arguments, boolean snake) throws RpcException {
        List<String> asked = arguments.strings("fields")
                .orElseThrow(() -> new RpcException("torrent-get needs 'fields', a list of field names"));
        boolean table = format(arguments);
        List<TorrentFields.Field> fields = TorrentFields.resolve(asked);
        List<Torrent> all = engine.torrents();
        List<Integer> removed = recent.removedSince(all);
        QueueOrder queue = new QueueOrder(all);
        List<Torrent> torrents = Selection.of(engine, arguments, recent);
        ArrayNode rows = JSON.arrayNode(torrents.size() + 1);
        if (table) {
            ArrayNode header = rows.addArray();
            fields.forEach(field -> header.add(field.name()));
        }
        for (Torrent torrent : torrents) {
            TorrentView view = new TorrentView(torrent, queue);
            if (table) {
                ArrayNode row = rows.addArray();
                for (TorrentFields.Field field : fields) {
                    row.add(field.value().apply(view));
                }
            } else {
                ObjectNode object = rows.addObject();
                for (TorrentFields.Field field : fields) {
                    object.set(field.name(), field.value().apply(view));
                }
            }
        }
        ObjectNode answer = JSON.objectNode();
        answer.set("torrents", rows);
        if (Selection.recentlyActive(arguments)) {
            ArrayNode gone = answer.putArray("removed");
            removed.forEach(gone::add);
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
