package dev.shoal.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class FileInstallLogTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final AtomicInteger refused = new AtomicInteger();

    @Test
    void aCfgThatCannotBeReadWhileRunningIsOneLineAndShoalGoesOn() throws InterruptedException {
        FileInstallLog log = log(new Thread(() -> { }));
        publishOn(new Thread(() -> log.publish(record("Failed to update artifact /d/plugins/dev.shoal.peer.cfg",
                new NumberFormatException("For input string: \"abc\"")))));
        assertEquals("shoal: cannot read /d/plugins/dev.shoal.peer.cfg: a value is not a number (For input string:"
                + " \"abc\"); nothing of it is applied, the settings in force stay\n", text());
        assertEquals(0, refused.get());
    }

    @Test
    void aCfgThatCannotBeReadAtTheStartRefusesTheStartInOneLine() {
        FileInstallLog log = log(Thread.currentThread());
        log.publish(record("Failed to install artifact: /d/plugins/dev.shoal.peer.cfg",
                new RuntimeException(new IllegalArgumentException("Malformed \\uxxxx\n encoding."))));
        assertEquals("shoal: cannot read /d/plugins/dev.shoal.peer.cfg: Malformed \\uxxxx encoding.; Shoal does not"
                + " start without the settings it holds (fix the file or remove it)\n", text());
        assertEquals(1, refused.get());
    }

    @Test
    void anyOtherWarningIsOneLineWithoutItsStackTrace() {
        FileInstallLog log = log(Thread.currentThread());
        log.publish(record("Failed to install artifact: /d/plugins/broken.jar", new java.util.zip.ZipException()));
        assertEquals("shoal: fileinstall: Failed to install artifact: /d/plugins/broken.jar: ZipException\n", text());
        assertEquals(0, refused.get(), "a jar that cannot be installed does not stop Shoal");
    }

    private FileInstallLog log(Thread launching) {
        return new FileInstallLog(new PrintStream(printed, true, StandardCharsets.UTF_8), launching,
                refused::incrementAndGet);
    }

    private static void publishOn(Thread thread) throws InterruptedException {
        thread.start();
        thread.join();
    }

    private static LogRecord record(String message, Throwable thrown) {
        LogRecord record = new LogRecord(Level.WARNING, message);
        record.setThrown(thrown);
        return record;
    }

    private String text() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
