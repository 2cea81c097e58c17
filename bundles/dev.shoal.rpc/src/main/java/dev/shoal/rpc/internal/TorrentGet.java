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
 * The torrents are chosen here; their rows are written as the answer is ({@link TorrentRows}).
 */
final class TorrentGet implements RpcMethod {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Engine engine;
    private final Configured settings;
    private final RecentActivity recent = new RecentActivity(Clock.systemUTC());

    TorrentGet(Engine engine, Configured settings) {
        this.engine = engine;
        this.settings = settings;
    }

    @Override
    public ObjectNode call(Arguments arguments, boolean snake) throws RpcException {
        List<String> asked = arguments.strings("fields")
                .orElseThrow(() -> new RpcException("torrent-get needs 'fields', a list of field names"));
        boolean table = format(arguments);
        List<TorrentFields.Field> fields = TorrentFields.resolve(asked);
        List<Torrent> all = engine.torrents();
        List<Integer> removed = recent.removedSince(all);
        RequestScope scope = new RequestScope(new QueueOrder(all),
                () -> settings.number(Configured.PEER, "connectionsPerTorrent"));
        List<Torrent> torrents = Selection.of(engine, arguments, recent);
        ObjectNode answer = JSON.objectNode();
        answer.putPOJO("torrents", new TorrentRows(torrents, fields, scope, table));
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
