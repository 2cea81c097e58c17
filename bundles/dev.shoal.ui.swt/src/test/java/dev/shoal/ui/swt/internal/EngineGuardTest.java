package dev.shoal.ui.swt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.EngineException;
import dev.shoal.engine.api.Torrent;
import dev.shoal.metainfo.InfoHash;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngineGuardTest {

    private static final EngineException NOT_FOUND = new EngineException("no torrent x");

    private final Torrent one = torrent(1);
    private final Torrent two = torrent(2);
    private final EngineGuard guard = new EngineGuard();
    private final Engine engine = guard.guard(fakeEngine(List.of(one, two)));

    @Test
    void callsOffTheDisplayThreadAreCountedButNotFlagged() {
        List<Torrent> torrents = engine.torrents();
        assertEquals(1, torrents.get(0).id());
        assertEquals(2, torrents.get(1).id());
        assertEquals(3, guard.calls());
        assertEquals(0, guard.callsOnDisplayThread());
        assertEquals("", guard.lastCallOnDisplayThread());
    }

    @Test
    void aCallOnTheDisplayThreadIsCountedAndNamed() {
        guard.runAsDisplayThread(() -> assertEquals(6881, engine.listenPort()));
        assertEquals(1, guard.callsOnDisplayThread());
        assertEquals("Engine.listenPort", guard.lastCallOnDisplayThread());
    }

    @Test
    void torrentsHandedOutElsewhereAreGuardedOnTheDisplayThreadToo() throws Exception {
        // As the poller does: the engine read on its thread, a torrent from the snapshot used on the display's.
        List<Torrent> torrents = engine.torrents();
        Torrent found = engine.torrent(new InfoHash(new byte[20])).orElseThrow();
        guard.runAsDisplayThread(() -> {
            torrents.get(1).pause();
            found.id();
        });
        assertEquals(2, guard.callsOnDisplayThread());
        assertEquals("Torrent.id", guard.lastCallOnDisplayThread());
        guard.runAsDisplayThread(() -> {
            try {
                engine.find("1").resume();
            } catch (EngineException e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(4, guard.callsOnDisplayThread());
        assertEquals("Torrent.resume", guard.lastCallOnDisplayThread());
    }

    @Test
    void theThreadCountsOnlyWhileItRunsTheLoop() {
        guard.runAsDisplayThread(() -> { });
        engine.totals();
        assertEquals(0, guard.callsOnDisplayThread());
    }

    @Test
    void wrappersOfOneTorrentAreEqualAndTheEnginesExceptionsPassThrough() {
        Torrent first = engine.torrents().get(0);
        Torrent again = engine.torrents().get(0);
        assertNotSame(first, again);
        assertEquals(first, again);
        assertEquals(one.hashCode(), again.hashCode());
        assertTrue(first.toString().contains("torrent 1"));
        assertTrue(Proxy.isProxyClass(first.getClass()), "the torrent handed out is the guard's");
        EngineException thrown = assertThrows(EngineException.class, () -> engine.find("x"));
        assertSame(NOT_FOUND, thrown);
    }

    /** A torrent that answers its id and accepts pause and resume. */
    private static Torrent torrent(int id) {
        return (Torrent) Proxy.newProxyInstance(Torrent.class.getClassLoader(), new Class<?>[] {Torrent.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "id" -> id;
                    case "pause", "resume" -> null;
                    case "hashCode" -> id;
                    case "equals" -> proxy == args[0];
                    case "toString" -> "torrent " + id;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** An engine of {@code torrents}: find("1") finds the first, anything else is not found. */
    private static Engine fakeEngine(List<Torrent> torrents) {
        return (Engine) Proxy.newProxyInstance(Engine.class.getClassLoader(), new Class<?>[] {Engine.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "torrents" -> torrents;
                    case "torrent" -> Optional.of(torrents.get(0));
                    case "find" -> {
                        if (args[0].equals("1")) {
                            yield torrents.get(0);
                        }
                        throw NOT_FOUND;
                    }
                    case "listenPort" -> 6881;
                    case "totals" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
