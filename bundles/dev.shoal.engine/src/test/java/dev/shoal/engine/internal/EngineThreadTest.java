package dev.shoal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.engine.api.EngineException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EngineThreadTest {

    @Test
    void work_runs_on_one_named_daemon_thread_that_survives_failures() throws Exception {
        EngineThread thread = new EngineThread();
        try {
            thread.execute(() -> {
                throw new IllegalStateException("a bug in one torrent");
            });
            assertEquals("shoal-engine", thread.call(() -> Thread.currentThread().getName()));
            assertTrue(thread.call(() -> Thread.currentThread().isDaemon()));
            assertTrue(thread.call(thread::onThread));
            assertFalse(thread.onThread());
            assertEquals(42, thread.call(() -> thread.call(() -> 42)), "a call from the thread runs inline");
            EngineException thrown = assertThrows(EngineException.class, () -> thread.call(() -> {
                throw new EngineException("refused");
            }));
            assertEquals("refused", thrown.getMessage());
            CountDownLatch ticks = new CountDownLatch(3);
            thread.every(Duration.ofMillis(10), ticks::countDown);
            assertTrue(ticks.await(30, TimeUnit.SECONDS));
        } finally {
            thread.stop(Duration.ofSeconds(1));
        }
        assertFalse(thread.submit(() -> { }), "a stopped engine takes no work");
        assertThrows(IllegalStateException.class, () -> thread.call(() -> 1));
    }
}
