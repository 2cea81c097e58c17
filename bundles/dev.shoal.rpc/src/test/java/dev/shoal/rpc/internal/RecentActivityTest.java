package dev.shoal.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.engine.api.Torrent;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Removals are seen between two torrent-gets, named for the window, and forgotten after it. */
class RecentActivityTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aRemovedIdIsNamedWithinTheWindowAndForgottenAfter() {
        RecentActivity recent = new RecentActivity(new Clock() {
            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        });
        Torrent one = torrent(1);
        Torrent two = torrent(2);
        Torrent three = torrent(3);
        assertEquals(List.of(), recent.removedSince(List.of(one, two, three)));
        assertEquals(List.of(1, 3), recent.removedSince(List.of(two)));
        now = now.plusSeconds(30);
        assertEquals(List.of(1), recent.removedSince(List.of(two, three)), "3 is back: no longer removed");
        now = now.plus(RecentActivity.WINDOW).plus(Duration.ofSeconds(1));
        assertEquals(List.of(), recent.removedSince(List.of(two, three)), "forgotten after the window");
    }

    private static Torrent torrent(int id) {
        return (Torrent) Proxy.newProxyInstance(Torrent.class.getClassLoader(), new Class<?>[] {Torrent.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "id" -> id;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
