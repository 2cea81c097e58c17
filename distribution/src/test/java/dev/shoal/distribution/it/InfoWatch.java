package dev.shoal.distribution.it;

import dev.shoal.remote.protocol.RemoteShell;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One torrent's {@code shoal:info} read every {@link #PERIOD} over one remote shell session (a
 * {@code shoal cli} process per read would take longer than the period), noting what each read said
 * and when, so a test can tell what happened between two moments: whether the state or the peers
 * ever dropped, and for how long.
 */
final class InfoWatch implements AutoCloseable {

    static final Duration PERIOD = Duration.ofMillis(100);
    private static final Pattern VERIFIED = Pattern.compile("\\((\\d+)/\\d+ pieces");

    /**
     * One read.
     *
     * @param nanos    when it was asked ({@link System#nanoTime()})
     * @param info     what it said; null when the command failed
     * @param verified verified pieces, or -1 when it failed
     */
    record Sample(long nanos, ShoalCli.Info info, int verified) {

        boolean answered() {
            return info != null;
        }

        int peers() {
            return info == null ? -1 : info.peers();
        }
    }

    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile IOException broken;

    private InfoWatch(Path dataDir, String torrent) {
        thread = new Thread(() -> watch(dataDir, torrent), "info-watch");
        thread.setDaemon(true);
    }

    /** Starts reading {@code torrent}'s info from the daemon of {@code dataDir}. */
    static InfoWatch start(Path dataDir, String torrent) {
        InfoWatch watch = new InfoWatch(dataDir, torrent);
        watch.thread.start();
        return watch;
    }

    private void watch(Path dataDir, String torrent) {
        try (RemoteShell shell = RemoteShell.connect(dataDir)) {
            while (!stopping) {
                long asked = System.nanoTime();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int status = shell.run("shoal:info " + torrent, out, new ByteArrayOutputStream());
                String text = out.toString(StandardCharsets.UTF_8);
                samples.add(status == 0 ? new Sample(asked, new ShoalCli.Info(text), verified(text))
                        : new Sample(asked, null, -1));
                long rest = PERIOD.toNanos() - (System.nanoTime() - asked);
                if (rest > 0) {
                    TimeUnit.NANOSECONDS.sleep(rest);
                }
            }
        } catch (IOException e) {
            broken = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int verified(String text) {
        Matcher matcher = VERIFIED.matcher(text);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    /** Every read so far, in order; throws when the session broke. */
    List<Sample> samples() {
        if (broken != null) {
            throw new AssertionError("the remote shell session of the watch broke", broken);
        }
        return List.copyOf(samples);
    }

    /** The reads asked from {@code from} on (nanoTime), until {@code to}. */
    List<Sample> between(long from, long to) {
        return samples().stream().filter(s -> s.nanos() >= from && s.nanos() <= to).toList();
    }

    /**
     * The longest stretch, in ms, over which reads in {@code samples} failed {@code ok}: from the first
     * failing read to the next good one (or the last read). 0 when every read was good.
     */
    static long longestGapMillis(List<Sample> samples, Predicate<Sample> ok) {
        long longest = 0;
        Long since = null;
        for (Sample sample : samples) {
            if (!ok.test(sample)) {
                since = since == null ? sample.nanos() : since;
            } else if (since != null) {
                longest = Math.max(longest, sample.nanos() - since);
                since = null;
            }
        }
        if (since != null && !samples.isEmpty()) {
            longest = Math.max(longest, samples.get(samples.size() - 1).nanos() - since);
        }
        return longest / 1_000_000;
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }
}
