package dev.shoal.rpc.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.shoal.engine.api.Torrent;
import java.io.IOException;
import java.util.List;

/**
 * The {@code torrents} of a {@code torrent-get} answer, written by Jackson's generator as it goes:
 * a tree of nodes for 10,000 torrents (a map per torrent) cost more than the fields themselves.
 * Each torrent is read when its row is written, through one {@link TorrentView}.
 */
final class TorrentRows implements JsonSerializable {

    private final List<Torrent> torrents;
    private final List<TorrentFields.Field> fields;
    private final RequestScope scope;
    private final boolean table;

    TorrentRows(List<Torrent> torrents, List<TorrentFields.Field> fields, RequestScope scope, boolean table) {
        this.torrents = torrents;
        this.fields = fields;
        this.scope = scope;
        this.table = table;
    }

    @Override
    public void serialize(JsonGenerator out, SerializerProvider serializers) throws IOException {
        out.writeStartArray(this, torrents.size() + (table ? 1 : 0));
        if (table) {
            out.writeStartArray();
            for (TorrentFields.Field field : fields) {
                out.writeString(field.name());
            }
            out.writeEndArray();
        }
        for (Torrent torrent : torrents) {
            TorrentView view = new TorrentView(torrent, scope);
            if (table) {
                out.writeStartArray();
                for (TorrentFields.Field field : fields) {
                    value(field, view).serialize(out, serializers);
                }
                out.writeEndArray();
            } else {
                out.writeStartObject();
                for (TorrentFields.Field field : fields) {
                    JsonNode value = field.value().apply(view);
                    if (value != null) {
                        out.writeFieldName(field.key());
                        value.serialize(out, serializers);
                    }
                }
                out.writeEndObject();
            }
        }
        out.writeEndArray();
    }

    /** A table keeps its columns: a value that cannot be read now is null there. */
    private static JsonNode value(TorrentFields.Field field, TorrentView view) {
        JsonNode value = field.value().apply(view);
        return value == null ? NullNode.getInstance() : value;
    }

    @Override
    public void serializeWithType(JsonGenerator out, SerializerProvider serializers, TypeSerializer types)
            throws IOException {
        serialize(out, serializers);
    }
}
