package dev.shoal.watch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The component's configuration and its own polling thread. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WatchComponentTest {

    @TempDir
    Path temp;

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    @Test
    void settingsOffWhenBlankClampedPollAndAbsoluteFolder() {
        assertEquals(Optional.empty(), WatchSettings.of("", 2, false).folder());
        assertEquals(Optional.empty(), WatchSettings.of("   ", 2, false).folder());
        assertEquals(Optional.empty(), WatchSettings.of("bad\0path", 2, false).folder());
        assertEquals(Duration.ofSeconds(1), WatchSettings.of("", 0, false).poll());
        assertEquals(Duration.ofSeconds(WatchSettings.MAX_POLL_SECONDS), WatchSettings.of("", 1_000_000, false).poll());
        Path relative = WatchSettings.of("some/dir", 2, true).folder().orElseThrow();
        assertTrue(relative.isAbsolute() && relative.endsWith("some/dir"), relative.toString());
    }

    @Test
    void anEmptyFolderWatchesNothing() {
        TestTorrents.RecordingSink sink = new TestTorrents.RecordingSink();
        WatchComponent component = new WatchComponent(WatchSettings.of("", 1, false), sink);
        try {
            assertEquals(Optional.empty(), component.watching());
        } finally {
            component.deactivate();
        }
    }

    @Test
    void itPollsOnItsOwnThreadAndFollowsConfigurationChanges() throws Exception {
        TestTorrents.RecordingSink sink = new TestTorrents.RecordingSink();
        Path first = temp.resolve("first");
        WatchComponent component = new WatchComponent(WatchSettings.of(first.toString(), 1, true), sink);
        try {
            await(() -> Files.isDirectory(first), "the folder's creation");
            Files.write(first.resolve("one.torrent"), TestTorrents.torrent(temp, "one"));
            await(() -> Files.exists(first.resolve("added/one.torrent")), "the first torrent");
            assertTrue(sink.added.get(0).paused());

            Path second = temp.resolve("second");
            component.apply(WatchSettings.of(second.toString(), 1, false));
            assertEquals(second, component.watching().orElseThrow().folder());
            Files.write(Files.createDirectories(second).resolve("two.torrent"), TestTorrents.torrent(temp, "two"));
            await(() -> Files.exists(second.resolve("added/two.torrent")), "the second torrent");
            assertFalse(sink.added.get(1).paused(), "startPaused changed live");

            component.apply(WatchSettings.of("", 1, false));
            assertEquals(Optional.empty(), component.watching());
        } finally {
            component.deactivate();
        }
        assertEquals(2, sink.added.size());
    }
}
