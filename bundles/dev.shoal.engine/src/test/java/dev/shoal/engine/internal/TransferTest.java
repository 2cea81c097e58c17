package dev.shoal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.shoal.peer.api.SwarmStats;
import org.junit.jupiter.api.Test;

class TransferTest {

    private static SwarmStats moved(long down, long up, long wasted, long upRate) {
        return new SwarmStats(down, up, wasted, 0, upRate, 1, 0, 0, 0, 0);
    }

    @Test
    void counters_survive_the_swarms_they_came_from() {
        Transfer transfer = new Transfer();
        assertEquals(Transfer.Counts.ZERO, transfer.snapshot().total());
        assertNull(transfer.detach());

        QuietSwarm first = new QuietSwarm();
        transfer.attach(first);
        first.stats = moved(100, 10, 1, 5);
        assertEquals(new Transfer.Counts(100, 10, 1), transfer.snapshot().total());
        assertEquals(5, transfer.snapshot().live().uploadRate());
        assertSame(first, transfer.detach());
        first.stats = moved(999, 999, 999, 999); // a closed swarm no longer counts
        assertEquals(new Transfer.Counts(100, 10, 1), transfer.snapshot().total());
        assertEquals(SwarmStats.NONE, transfer.snapshot().live(), "no rates while stopped");

        QuietSwarm second = new QuietSwarm();
        transfer.attach(second);
        second.stats = moved(50, 5, 0, 0);
        assertEquals(new Transfer.Counts(150, 15, 1), transfer.snapshot().total());
    }
}
