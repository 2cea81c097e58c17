package dev.shoal.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shoal.engine.api.Torrent;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** torrent-get's rows as Jackson writes them: objects, or a table; a value not readable now. */
class TorrentRowsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void objectsLeaveOutAValueThatCannotBeReadAndATableSaysNull() throws JsonProcessingException {
        List<Torrent> torrents = List.of(torrent(3), torrent(5));
        List<TorrentFields.Field> fields = TorrentFields.resolve(List.of("id", "peer-limit", "queuePosition"));
        RequestScope scope = new RequestScope(new QueueOrder(torrents), Optional::empty);

        assertEquals("[{\"id\":3,\"queuePosition\":0},{\"id\":5,\"queuePosition\":1}]",
                write(new TorrentRows(torrents, fields, scope, false)));
        assertEquals("[[\"id\",\"peer-limit\",\"queuePosition\"],[3,null,0],[5,null,1]]",
                write(new TorrentRows(torrents, fields, scope, true)));
    }

    @Test
    void thePeerLimitIsReadOncePerRequest() throws JsonProcessingException {
        int[] reads = {0};
        List<Torrent> torrents = List.of(torrent(1), torrent(2), torrent(3));
        RequestScope scope = new RequestScope(new QueueOrder(torrents), () -> {
            reads[0]++;
            return Optional.of(50L);
        });
        assertEquals("[{\"peer-limit\":50},{\"peer-limit\":50},{\"peer-limit\":50}]",
                write(new TorrentRows(torrents, TorrentFields.resolve(List.of("peer-limit")), scope, false)));
        assertEquals(1, reads[0]);
    }

    @Test
    void anEngineFailureWhileWritingFailsTheWholeAnswer() {
        List<Torrent> torrents = List.of(torrent(1), torrent(-1));
        RequestScope scope = new RequestScope(new QueueOrder(torrents), Optional::empty);
        assertThrows(JsonProcessingException.class,
                () -> write(new TorrentRows(torrents, TorrentFields.resolve(List.of("id")), scope, false)));
    }

    private String write(TorrentRows rows) throws JsonProcessingException {
        ObjectNode answer = json.createObjectNode();
        answer.putPOJO("torrents", rows);
        String text = json.writeValueAsString(answer);
        return text.substring("{\"torrents\":".length(), text.length() - 1);
    }

    /** A torrent that answers its id only ({@code -1}: it fails, as a broken engine call would). */
    private static Torrent torrent(int id) {
        return (Torrent) Proxy.newProxyInstance(Torrent.class.getClassLoader(), new Class<?>[] {Torrent.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "id" -> {
                        if (id < 0) {
                            throw new IllegalStateException("the engine failed");
                        }
                        yield id;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
