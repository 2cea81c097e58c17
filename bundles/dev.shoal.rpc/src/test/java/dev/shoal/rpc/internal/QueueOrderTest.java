package dev.shoal.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.engine.api.Torrent;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Queue positions come from the engine's list, in its order; a torrent not in it is asked itself. */
class QueueOrderTest {

    @Test
    void positionsFollowTheEnginesOrderFromOne() {
        Torrent first = torrent(-1);
        Torrent second = torrent(-1);
        Torrent third = torrent(-1);
        QueueOrder queue = new QueueOrder(List.of(first, second, third));
        assertEquals(3, queue.position(third));
        assertEquals(1, queue.position(first));
        assertEquals(2, queue.position(second));
    }

    @Test
    void aTorrentAddedSinceTheListWasTakenIsAskedItself() {
        QueueOrder queue = new QueueOrder(List.of(torrent(-1)));
        assertEquals(7, queue.position(torrent(7)));
    }

    /** A torrent that answers only its queue position ({@code -1}: a failure if asked). */
    private static Torrent torrent(int position) {
        return (Torrent) Proxy.newProxyInstance(Torrent.class.getClassLoader(), new Class<?>[] {Torrent.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "queuePosition" -> {
                        if (position < 0) {
                            throw new AssertionError("asked its position although the list gives it");
                        }
                        yield position;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
