package dev.shoal.engine.internal;

import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentListener;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.api.TorrentStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/** A whiteboard listener that writes down what it hears, and on which thread. */
final class Events implements TorrentListener {

    /** One event: "added", "removed", or "PREVIOUS>NEXT", with the torrent's name. */
    record Event(String torrent, String what, TorrentStatus status, String thread) {
    }

    final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void added(Torrent torrent) {
        events.add(new Event(torrent.status().name(), "added", null, Thread.currentThread().getName()));
    }

    @Override
    public void stateChanged(Torrent torrent, TorrentState previous, TorrentStatus status) {
        events.add(new Event(torrent.status().name(), previous + ">" + status.state(), status,
                Thread.currentThread().getName()));
    }

    @Override
    public void removed(Torrent torrent) {
        events.add(new Event(torrent.status().name(), "removed", null, Thread.currentThread().getName()));
    }

    /** What {@code torrent} heard, in order. */
    List<String> of(String torrent) {
        return events.stream().filter(e -> e.torrent().equals(torrent)).map(Event::what).toList();
    }

    List<String> threads() {
        return events.stream().map(Event::thread).distinct().toList();
    }

    /** Waits until {@code torrent} heard {@code what}. */
    void await(String torrent, String what, Duration limit) {
        Await.until(() -> of(torrent).contains(what), limit,
                () -> torrent + " never heard " + what + "; it heard " + of(torrent));
    }

    /** Waits until {@code torrent} heard exactly {@code expected}, in order. */
    void awaitHeard(String torrent, List<String> expected, Duration limit) {
        Await.until(() -> of(torrent).equals(expected), limit,
                () -> torrent + " heard " + of(torrent) + ", not " + expected);
    }

    /** Polls a condition. */
    static final class Await {
        private Await() {
        }

        static void until(BooleanSupplier condition, Duration limit, java.util.function.Supplier<String> failure) {
            long deadline = System.nanoTime() + limit.toNanos();
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(failure.get());
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted");
                }
            }
        }
    }
}
