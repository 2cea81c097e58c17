package dev.shoal.cli.internal;

import java.io.PrintWriter;
import java.util.Locale;

import dev.shoal.metainfo.HashProgress;
import dev.shoal.support.text.Rates;
import dev.shoal.support.text.Shares;
import dev.shoal.support.text.Sizes;

/**
 * A progress line on stderr for long work. On a terminal it redraws one line in place; elsewhere
 * (a log, a pipe) it writes a new line every few seconds so logs stay readable. Small jobs, done
 * before the first report is due, print nothing.
 */
final class ProgressLine implements HashProgress, AutoCloseable {

    private static final long FIRST_REPORT_NANOS = 1_000_000_000L;
    private static final long TERMINAL_INTERVAL_NANOS = 200_000_000L;
    private static final long LOG_INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter err;
    private final String label;
    private final boolean terminal = Terminal.isTerminal(System.console());
    private final long start = System.nanoTime();
    private long lastReport;
    private boolean drawn;

    ProgressLine(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    @Override
    public void hashed(long done, long total) {
        long now = System.nanoTime();
        long interval = terminal ? TERMINAL_INTERVAL_NANOS : LOG_INTERVAL_NANOS;
        if (now - start < FIRST_REPORT_NANOS || now - lastReport < interval) {
            return;
        }
        lastReport = now;
        double seconds = (now - start) / 1e9;
        String line = String.format(Locale.ROOT, "%s: %6s  %s of %s  %s", label,
                Shares.percent(total == 0 ? 1.0 : (double) done / total), Sizes.of(done), Sizes.of(total),
                Rates.of((long) (done / seconds)));
        if (terminal) {
            err.print("\r" + line + "\u001b[K");
            err.flush();
            drawn = true;
        } else {
            err.println(line);
        }
    }

    @Override
    public void close() {
        if (drawn) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
