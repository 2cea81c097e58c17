package dev.shoal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.engine.api.EngineException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    @Test
    void a_call_still_queued_when_the_engine_stops_fails_instead_of_waiting_for_good() throws Exception {
        EngineThread thread = new EngineThread();
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        thread.execute(() -> {
            busy.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(busy.await(5, TimeUnit.SECONDS));
        CompletableFuture<Throwable> caller = CompletableFuture.supplyAsync(() -> {
            try {
                thread.call(() -> "never run");
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        // The call is queued behind the busy work.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.queued() < 1) {
            assertTrue(System.nanoTime() < deadline, "the call was never queued");
            Thread.sleep(10);
        }
        thread.stop(Duration.ofMillis(50));
        Throwable failure = caller.get(5, TimeUnit.SECONDS);
        assertTrue(failure instanceof IllegalStateException, String.valueOf(failure));
        assertEquals("the engine has stopped", failure.getMessage());
        release.countDown();
    }

    @Test
    void a_call_with_a_limit_gives_up_after_it() throws Exception {
        EngineThread thread = new EngineThread();
        CountDownLatch release = new CountDownLatch(1);
        try {
            thread.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThrows(TimeoutException.class, () -> thread.call(() -> 1, Duration.ofMillis(100)));
        } finally {
            release.countDown();
            thread.stop(Duration.ofSeconds(1));
        }
    }
}
