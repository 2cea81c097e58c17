package dev.shoal.ui.swt.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.EngineTotals;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentDates;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.api.TorrentStatus;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.portmap.api.Connectivity;
import dev.shoal.portmap.api.PortMapStatus;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The poller at rest: a poll that finds nothing changed hands the window nothing (so the display
 * thread is not woken), and a hidden window stops the refresh, reading only the tray's rates and
 * handing them over only when they changed. Ticks are run by hand here: nothing depends on time.
 */
class EnginePollerTest {

    private static final java.time.Instant ADDED = java.time.Instant.ofEpochSecond(1_700_000_000L);

    @TempDir
    Path downloads;

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicReference<EngineTotals> totals = new AtomicReference<>(new EngineTotals(2, 2, 0, 0, 0, 0, 0));
    private final AtomicReference<List<Torrent>> torrents = new AtomicReference<>();
    private final List<Snapshot> handed = new CopyOnWriteArrayList<>();
    /** The poller's clock: it moves only when a test moves it. */
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private EnginePoller poller;
    /** What the port mapping service says now: not running until a test says otherwise. */
    private final AtomicReference<PortsView> ports = new AtomicReference<>(PortsView.NOT_RUNNING);

    @AfterEach
    void stop() {
        if (poller != null) {
            poller.stop(1000);
        }
    }

    @Test
    void pollsFindingNothingChangedHandTheWindowNothing() {
        torrents.set(List.of(torrent(1, 0), torrent(2, 0)));
        poller = poller();
        for (int i = 0; i < 50; i++) {
            poller.tick();
        }
        assertEquals(50, poller.polls(true), "every tick read the engine");
        assertEquals(1, handed.size(), "only the first poll had something to show");
        assertEquals(2, handed.get(0).shown().size());

        torrents.set(List.of(torrent(1, 0), torrent(2, 512)));
        totals.set(new EngineTotals(2, 2, 0, 0, 0, 512, 1));
        poller.tick();
        poller.tick();
        assertEquals(2, handed.size(), "a changed upload rate is shown, once");
        assertEquals(512, handed.get(1).shown().get(1).upRate());
    }

    @Test
    void portMappingComingAndChangingIsShownOnceEachAndNotAtRest() {
        torrents.set(List.of(torrent(1, 0)));
        poller = poller();
        poller.tick();
        assertEquals(PortsView.NOT_RUNNING, last().ports());
        PortsView off = new PortsView(true, PortMapStatus.OFF, new Connectivity(6881, Connectivity.UNKNOWN, "no router"));
        ports.set(off);
        for (int i = 0; i < 5; i++) {
            poller.tick();
        }
        assertEquals(2, handed.size(), "the bundle starting is shown, once");
        assertEquals(off, last().ports());
        ports.set(new PortsView(true, new PortMapStatus(true, List.of("eth0 via 192.168.1.1"), List.of(),
                Optional.empty()), off.connectivity()));
        poller.tick();
        poller.tick();
        assertEquals(3, handed.size(), "mapping turned on is shown, once");
        ports.set(PortsView.NOT_RUNNING);
        poller.tick();
        assertEquals(PortsView.NOT_RUNNING, last().ports(), "the bundle stopped");
    }

    @Test
    void aHiddenWindowStopsTheRefreshAndGetsOnlyChangedTrayRates() {
        torrents.set(List.of(torrent(1, 0)));
        poller = poller();
        poller.schedule(60_000); // polls once at once, then never within this test: the ticks below are run by hand
        assertEquals(60_000, poller.period());
        awaitFirstSnapshot();
        poller.visible(false);
        assertEquals(EnginePoller.HIDDEN_MILLIS, poller.period(), "hidden: the refresh is off, the tray's tick on");
        int torrentsRead = count("torrents");
        long polls = poller.polls(true);
        int shown = handed.size();
        for (int i = 0; i < 20; i++) {
            poller.tick();
        }
        assertEquals(torrentsRead, count("torrents"), "no torrent is read while hidden");
        assertEquals(polls, poller.polls(true));
        assertTrue(poller.polls(false) >= 20, "the tray's ticks ran");
        assertEquals(shown, handed.size(), "unchanged rates are not handed over");

        totals.set(new EngineTotals(1, 1, 0, 0, 4096, 0, 1));
        poller.tick();
        assertEquals(shown + 1, handed.size());
        assertEquals(4096, handed.get(handed.size() - 1).totals().downloadRate());

        poller.visible(true);
        assertEquals(60_000, poller.period(), "shown again: the refresh is back");
    }

    @Test
    void quietPollsRestTheRefreshUntilAChangeOrAnEngineEvent() {
        torrents.set(List.of(torrent(1, 0)));
        poller = poller();
        poller.schedule(60_000);
        awaitFirstSnapshot();
        for (int i = 0; i < EnginePoller.QUIET_POLLS - 1; i++) {
            poller.tick();
        }
        assertEquals(60_000, poller.period(), "not yet quiet for long enough");
        poller.tick();
        assertEquals(EnginePoller.RESTING_MILLIS, poller.period(), "quiet: the poller rests");

        torrents.set(List.of(torrent(1, 100)));
        poller.tick();
        assertEquals(60_000, poller.period(), "a change: every refresh again");

        for (int i = 0; i < EnginePoller.QUIET_POLLS; i++) {
            poller.tick();
        }
        assertEquals(EnginePoller.RESTING_MILLIS, poller.period());
        int shown = handed.size();
        torrents.set(List.of(torrent(1, 100), torrent(2, 0)));
        poller.nudge(); // the engine added a torrent: read at once, on the poller's thread
        long deadline = System.nanoTime() + 60_000_000_000L; // only against a hang
        while (handed.size() == shown && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(2, handed.get(handed.size() - 1).shown().size());
        assertEquals(60_000, poller.period());
    }

    /**
     * The engine keeps reporting the last upload rate after the bytes stopped: shown as 0 once the
     * counter stood still for {@link RateDecay#STALE_MILLIS}, at once when the peers left; then
     * nothing more is handed over. The poller's clock is moved by hand, no time passes.
     */
    @Test
    void aRateWhoseBytesStoppedFallsToZeroAndThenTheWindowRests() {
        torrents.set(List.of(torrent(1, 4096, 10_000, 1), torrent(2, 2048, 5_000, 1)));
        totals.set(new EngineTotals(2, 2, 0, 15_000, 0, 6144, 2));
        poller = poller();
        poller.tick();
        assertEquals(4096, last().shown().get(0).upRate());
        assertEquals(6144, last().totals().uploadRate());

        // Torrent 1's bytes stop, its peer stays; torrent 2's peer leaves. Both rates stay in the engine.
        torrents.set(List.of(torrent(1, 4096, 10_000, 1), torrent(2, 2048, 5_000, 0)));
        clock.addAndGet(1000);
        poller.tick();
        assertEquals(4096, last().shown().get(0).upRate(), "standing still for 1 s is not stale yet");
        assertEquals(0, last().shown().get(1).upRate(), "no peer, no rate");
        assertEquals(4096, last().totals().uploadRate(), "the totals add up the rates shown");

        clock.addAndGet(RateDecay.STALE_MILLIS - 1000);
        poller.tick();
        assertEquals(0, last().shown().get(0).upRate(), "stale: zero");
        assertEquals(0, last().totals().uploadRate());
        int shown = handed.size();
        for (int i = 0; i < 20; i++) {
            clock.addAndGet(1000);
            poller.tick();
        }
        assertEquals(shown, handed.size(), "zeroed, the rows no longer change");

        torrents.set(List.of(torrent(1, 4096, 20_000, 1), torrent(2, 2048, 5_000, 0)));
        poller.tick();
        assertEquals(4096, last().shown().get(0).upRate(), "bytes move again: the rate shows");
    }

    @Test
    void theSidebarIsCountedFromEveryTorrentAndHandedOverWithTheRows() {
        torrents.set(List.of(torrent(1, 0), torrent(2, 512)));
        poller = poller();
        poller.tick();
        Sidebar sidebar = last().sidebar();
        assertTrue(sidebar.lines().contains("states/seeding Seeding (2)"), sidebar.lines()::toString);
        assertTrue(sidebar.lines().contains("states/active Active (1)"), sidebar.lines()::toString);
        assertTrue(sidebar.lines().contains("trackers/ Trackerless (2)"), sidebar.lines()::toString);
        poller.view(ViewState.DEFAULT.withSide(StateFilter.ACTIVE, Scope.ANY));
        long deadline = System.nanoTime() + 60_000_000_000L; // only against a hang
        while (last().shown().size() != 1 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(2, last().shown().get(0).id(), "the sidebar's Active shows the torrent uploading");
        assertEquals(sidebar, last().sidebar(), "a new view counts nothing again");
    }

    private Snapshot last() {
        return handed.get(handed.size() - 1);
    }

    private void awaitFirstSnapshot() {
        long deadline = System.nanoTime() + 60_000_000_000L; // only against a hang
        while (handed.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    private EnginePoller poller() {
        Engine engine = proxy(Engine.class, (name, args) -> switch (name) {
            case "torrents" -> torrents.get();
            case "totals" -> totals.get();
            case "downloadDirectory" -> downloads;
            default -> throw new UnsupportedOperationException(name);
        });
        return new EnginePoller(engine, Optional::empty, ports::get, handed::add, 1, clock::get);
    }

    /** A seed uploading at {@code upRate} to one peer (none at 0), having sent {@code upRate} bytes so far. */
    private Torrent torrent(int id, long upRate) {
        return torrent(id, upRate, upRate, upRate > 0 ? 1 : 0);
    }

    private Torrent torrent(int id, long upRate, long uploaded, int peers) {
        String hash = String.format("%040x", id);
        TorrentStatus status = new TorrentStatus(InfoHash.fromHex(hash), "t" + id, TorrentState.SEEDING,
                Optional.empty(), 1000, 1000, 1, 1, 1, 0, uploaded, 0, 0, upRate, Optional.empty(), peers, 0,
                Duration.ZERO, List.of(), Optional.empty());
        Torrent torrent = proxy(Torrent.class, (name, args) -> switch (name) {
            case "id" -> id;
            case "status" -> status;
            case "labels" -> List.of("l" + id);
            case "dates" -> new TorrentDates(ADDED, Optional.empty(), Optional.empty(), Duration.ZERO, Duration.ZERO);
            case "hashCode" -> id;
            case "equals" -> args[0] == null ? false : args[0].hashCode() == id;
            default -> throw new UnsupportedOperationException(name);
        });
        return torrent;
    }

    private int count(String method) {
        return calls.computeIfAbsent(method, m -> new AtomicInteger()).get();
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            calls.computeIfAbsent(method.getName(), m -> new AtomicInteger()).incrementAndGet();
            return answer.answer(method.getName(), args);
        }));
    }
}
