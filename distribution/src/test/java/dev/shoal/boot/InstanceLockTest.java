package dev.shoal.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class InstanceLockTest {

    @TempDir
    Path dataDir;

    @Test
    void oneHolderAtATimeInThisProcess() throws IOException {
        InstanceLock first = InstanceLock.tryAcquire(dataDir).orElseThrow();
        assertFalse(InstanceLock.tryAcquire(dataDir).isPresent());
        first.release();
        Optional<InstanceLock> again = InstanceLock.tryAcquire(dataDir);
        assertTrue(again.isPresent(), "released, it can be taken again");
        again.get().release();
    }

    /** Another JVM holds the lock while it runs, and the lock goes with it when it is killed. */
    @Test
    void anotherProcessHoldsItUntilItEnds() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path probe = dataDir.resolve("Holder.java");
        Files.writeString(probe, """
                import java.nio.channels.FileChannel;
                import java.nio.file.*;
                public class Holder {
                    public static void main(String[] a) throws Exception {
                        FileChannel c = FileChannel.open(Path.of(a[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        c.lock();
                        System.out.println("locked");
                        System.out.flush();
                        Thread.sleep(60_000);
                    }
                }
                """);
        Process holder = new ProcessBuilder(List.of(java.toString(), probe.toString(),
                dataDir.resolve(InstanceLock.FILE).toString())).redirectErrorStream(true).start();
        try {
            byte[] line = holder.getInputStream().readNBytes("locked".length());
            assertEquals("locked", new String(line), "the holder started");
            assertFalse(InstanceLock.tryAcquire(dataDir).isPresent(), "held by the other process");
            holder.destroyForcibly();
            assertTrue(holder.waitFor(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS));
            InstanceLock mine = InstanceLock.tryAcquire(dataDir).orElseThrow(() -> new AssertionError("not released"));
            mine.release();
        } finally {
            holder.destroyForcibly();
            holder.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
