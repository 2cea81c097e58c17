package dev.shoal.ui.swt.internal.model;

import dev.shoal.dht.api.Dht;
import dev.shoal.dht.api.DhtStatus;
import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.EngineTotals;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentStatus;
import dev.shoal.support.text.Sizes;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the engine every refresh on a thread of its own ("shoal-ui-poll") and hands the window
 * {@link Snapshot}s: the display thread then only copies values into widgets. Filter and sort
 * changes re-sort the last rows on the same thread without asking the engine again; a new
 * selection reads only that torrent's details. The DHT's figures and port mapping are read on the same beat.
 *
 * <p>At rest it costs next to nothing: a poll that finds every value the window shows unchanged
 * hands over nothing, so the display thread is not woken (the speed graph then stands still: its
 * samples are kept and shown with the next change). While the window is hidden or minimized the
 * refresh stops; only the tray's rates are read, every {@value #HIDDEN_MILLIS} ms, and handed over
 * when they changed. After {@value #QUIET_POLLS} polls in a row that found nothing changed it reads the
 * engine every {@value #RESTING_MILLIS} ms only, back to every refresh as soon as a poll finds a
 * change, the user changes the view or the engine tells of a torrent added, removed or moved to
 * another state ({@link #nudge()}).
 */
public final class EnginePoller {

    private static final Logger LOG = LoggerFactory.getLogger(EnginePoller.class);
    /** How often the tray's rates are read while the window is hidden. */
    static final int HIDDEN_MILLIS = 5_000;
    /** Unchanged polls in a row before the poller rests, and how often it reads the engine then. */
    static final int QUIET_POLLS = 10;
    static final int RESTING_MILLIS = 5_000;

    private final Engine engine;
    /** The DHT bundle comes and goes apart from the window: asked for on every poll. */
    private final Supplier<Optional<Dht>> dht;
    /** So does port mapping; its status and verdict are read on the same beat. */
    private final Supplier<PortsView> ports;
    private final Consumer<Snapshot> sink;
    private final ScheduledExecutorService thread;
    /** Wall-clock millis: when rates went stale and the graphs' samples; a test's own clock. */
    private final LongSupplier clock;
    private volatile ViewState view = ViewState.DEFAULT;
    private volatile int selected = -1;
    private volatile boolean hidden;

    // Owned by the poll thread.
    private final RateHistory global;
    private final RateHistory selectedHistory;
    private int historyOf = -1;
    private List<TorrentRow> rows = List.of();
    private Map<Integer, RowFacts> facts = Map.of();
    private final RowReader reader = new RowReader();
    private Snapshot last = Snapshot.EMPTY;
    private String lastFailure = "";
    /** The engine read so far, for tests and {@code ui:work}: full polls and hidden ticks (totals only). */
    private long polls;
    private long hiddenTicks;
    private int quiet;
    private Path storeOf;
    private FileStore store;

    /** Guarded by this. */
    private ScheduledFuture<?> schedule;
    /** Guarded by this: the refresh asked for, and the period scheduled now (0: none). */
    private int refreshMillis = 1000;
    private int period;
    private boolean resting;

    public EnginePoller(Engine engine, Supplier<Optional<Dht>> dht, Supplier<PortsView> ports, Consumer<Snapshot> sink,
            int graphMinutes) {
        this(engine, dht, ports, sink, graphMinutes, System::currentTimeMillis);
    }

    EnginePoller(Engine engine, Supplier<Optional<Dht>> dht, Supplier<PortsView> ports, Consumer<Snapshot> sink,
            int graphMinutes, LongSupplier clock) {
        this.clock = clock;
        this.engine = engine;
        this.dht = dht;
        this.ports = ports;
        this.sink = sink;
        this.global = new RateHistory(graphMinutes);
        this.selectedHistory = new RateHistory(graphMinutes);
        this.thread = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread t = new Thread(work, "shoal-ui-poll");
            t.setDaemon(true);
            return t;
        });
    }

    /** Polls now and then every {@code refreshMillis} (while shown); a second call changes the pace. */
    public synchronized void schedule(int refreshMillis) {
        this.refreshMillis = refreshMillis;
        resting = false;
        reschedule(0);
    }

    /** Something changed in the engine (a torrent added, removed, in another state): read it now, then every refresh. */
    public void nudge() {
        submit(this::wake);
    }

    private synchronized void wake() {
        quiet = 0;
        if (resting && !hidden) {
            resting = false;
            reschedule(0);
        } else if (!hidden) {
            poll();
        }
    }

    /** On the poll thread: rest after enough quiet polls, wake on a change. */
    private synchronized void rest(boolean rest) {
        if (resting != rest && !hidden) {
            resting = rest;
            reschedule(rest ? RESTING_MILLIS : refreshMillis);
        }
    }

    /**
     * The window was shown (read everything at once, then every refresh) or hidden or minimized (the
     * refresh stops; the tray's rates are read now and then).
     */
    public synchronized void visible(boolean shown) {
        if (hidden != shown) {
            return;
        }
        hidden = !shown;
        if (schedule != null) {
            resting = false;
            reschedule(hidden ? HIDDEN_MILLIS : 0);
        }
    }

    private void reschedule(long delayMillis) {
        if (schedule != null) {
            schedule.cancel(false);
        }
        period = hidden ? HIDDEN_MILLIS : resting ? RESTING_MILLIS : refreshMillis;
        schedule = thread.scheduleWithFixedDelay(this::tick, delayMillis, period, TimeUnit.MILLISECONDS);
    }

    /** The period the engine is read at now, in ms; 0 before {@link #schedule}. */
    synchronized int period() {
        return period;
    }

    /** Polls so far: {@code full} ones, or the hidden window's ticks. */
    long polls(boolean full) {
        return full ? polls : hiddenTicks;
    }

    public void graphMinutes(int minutes) {
        submit(() -> {
            global.resize(minutes);
            selectedHistory.resize(minutes);
        });
    }

    /** Shows the last rows filtered and sorted anew, without waiting for the next poll. */
    public void view(ViewState newView) {
        view = newView;
        submit(() -> emit(last.withView(RowView.apply(rows, newView, facts), newView)));
    }

    /** Follows another torrent in the details pane (-1: none), read at once. */
    public void select(int id) {
        selected = id;
        submit(() -> emit(last.withDetails(details(last.handles(), clock.getAsLong()))));
    }

    /**
     * Stops polling, waiting at most {@code millis} for a poll under way (an engine call returns at
     * once, so it ends soon).
     */
    public void stop(long millis) {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(millis, TimeUnit.MILLISECONDS)) {
                LOG.warn("desktop: the engine poll still runs after {} ms; leaving it", millis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void submit(Runnable task) {
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    failed(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Stopped: the window is going, nothing to show.
        }
    }

    /** What the schedule runs: a full poll while shown, the tray's rates while hidden. */
    void tick() {
        try {
            if (hidden) {
                trayRates();
            } else {
                poll();
            }
        } catch (RuntimeException e) {
            // A failing poll must not end the schedule: the executor drops a task that throws.
            failed(e);
        }
    }

    private void failed(RuntimeException e) {
        String message = String.valueOf(e);
        if (!message.equals(lastFailure)) {
            LOG.warn("desktop: reading the engine failed: {}", message, e);
            lastFailure = message;
        }
    }

    private void trayRates() {
        hiddenTicks++;
        EngineTotals totals = engine.totals();
        if (!totals.equals(last.totals())) {
            emit(last.withTotals(totals));
        }
    }

    private void poll() {
        polls++;
        long now = clock.getAsLong();
        RowReader.Read read = reader.read(engine.torrents(), now);
        List<TorrentRow> fresh = read.rows();
        Map<Integer, RowFacts> freshFacts = read.facts();
        // The status bar and the tray add up the rates the rows show, stale ones zeroed as there.
        EngineTotals t = engine.totals();
        EngineTotals totals = new EngineTotals(t.torrents(), t.active(), t.downloaded(), t.uploaded(),
                Math.min(read.downRate(), t.downloadRate()), Math.min(read.upRate(), t.uploadRate()), t.peers());
        global.add(now, totals.downloadRate(), totals.uploadRate());
        List<TorrentRow> before = rows;
        Map<Integer, RowFacts> factsBefore = facts;
        rows = fresh;
        facts = freshFacts;
        ViewState current = view;
        Map<Integer, Torrent> frozen = read.handles();
        DhtStatus dhtStatus = dht.get().map(Dht::status).orElse(DhtStatus.OFF);
        PortsView portsView = ports.get();
        Optional<Details> details = details(frozen, now);
        long free = freeSpace(engine.downloadDirectory());
        if (fresh.equals(before) && freshFacts.equals(factsBefore) && unchanged(totals, free, details, current, frozen, dhtStatus)
                && portsView.equals(last.ports())) {
            if (++quiet >= QUIET_POLLS) {
                rest(true);
            }
            return; // nothing the window shows changed: the display thread sleeps on
        }
        quiet = 0;
        rest(false);
        emit(new Snapshot(RowView.apply(fresh, current, freshFacts), fresh.size(), totals, free, details,
                global.series(), current, frozen, dhtStatus, Sidebar.count(fresh, freshFacts), portsView));
        lastFailure = "";
    }

    /**
     * Whether a poll that found the same rows (every value of every torrent, shown or filtered out)
     * finds the rest of what the last snapshot shows: totals, free space, DHT figures, view,
     * torrents and the selected torrent's details. Free space counts as the status bar shows it (other
     * programs change it all the time); the rate series are left out: at rest they only grow by zeros.
     */
    private boolean unchanged(EngineTotals totals, long free, Optional<Details> details, ViewState current,
            Map<Integer, Torrent> handles, DhtStatus dhtStatus) {
        Snapshot was = last;
        return was != Snapshot.EMPTY && current.equals(was.view()) && totals.equals(was.totals())
                && shown(free).equals(shown(was.freeBytes())) && steady(dhtStatus).equals(steady(was.dht())) && handles.equals(was.handles())
                && sameDetails(details, was.details());
    }

    /**
     * The DHT's figures but the queries other nodes sent, which tick up all the time on a node the
     * swarm knows: the tooltip shows the count as of the last change.
     */
    private static DhtStatus steady(DhtStatus s) {
        return new DhtStatus(s.nodeId(), s.goodIpv4(), s.dubiousIpv4(), s.goodIpv6(), s.dubiousIpv6(), 0,
                s.lookupsRunning(), s.announcedTorrents(), s.health());
    }

    private static String shown(long freeBytes) {
        return freeBytes < 0 ? "?" : Sizes.of(freeBytes);
    }

    private static boolean sameDetails(Optional<Details> now, Optional<Details> was) {
        if (now.isEmpty() || was.isEmpty()) {
            return now.isEmpty() && was.isEmpty();
        }
        Details a = now.get();
        Details b = was.get();
        return a.id() == b.id() && a.status().equals(b.status()) && a.verified().equals(b.verified())
                && a.files().equals(b.files()) && a.peers().equals(b.peers()) && a.savePath().equals(b.savePath());
    }

    private Optional<Details> details(Map<Integer, Torrent> handles, long now) {
        int id = selected;
        Torrent torrent = handles.get(id);
        if (torrent == null) {
            return Optional.empty();
        }
        if (historyOf != id) {
            selectedHistory.clear();
            historyOf = id;
        }
        TorrentStatus status = torrent.status();
        selectedHistory.add(now, status.downloadRate(), status.uploadRate());
        return Optional.of(new Details(id, torrent, status, torrent.verifiedPieces(), torrent.files(), torrent.peers(),
                torrent.downloadDirectory().toString(), selectedHistory.series()));
    }

    private void emit(Snapshot snapshot) {
        last = snapshot;
        sink.accept(snapshot);
    }

    /**
     * Usable bytes on the file store of {@code dir}, or of its nearest existing parent; -1 when
     * unreadable. The store is looked up once per folder: finding it reads the whole mount table,
     * which cost a resting poll more than everything else it does; its free space is one statvfs.
     */
    private long freeSpace(Path dir) {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return -1;
        }
        try {
            if (!existing.equals(storeOf)) {
                store = Files.getFileStore(existing);
                storeOf = existing;
            }
            return store.getUsableSpace();
        } catch (IOException e) {
            storeOf = null;
            return -1;
        }
    }
}
