package dev.shoal.ui.swt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WaitingOpensTest {

    private final WaitingOpens opens = new WaitingOpens();

    @Test
    void whatComesBeforeTheWindowIsTakenInOrderOnceItIsUp() {
        opens.add("a.torrent");
        opens.add("b.torrent");
        AtomicInteger asked = new AtomicInteger();
        opens.windowUp(asked::incrementAndGet);
        assertEquals(1, asked.get(), "the window is asked to take what waits as soon as it is up");
        assertEquals(List.of("a.torrent", "b.torrent"), opens.takeAll());
        assertEquals(List.of(), opens.takeAll());
    }

    @Test
    void withTheWindowUpEachAddAsksItToTake() {
        AtomicInteger asked = new AtomicInteger();
        opens.windowUp(asked::incrementAndGet);
        assertEquals(0, asked.get(), "nothing waited");
        opens.add("magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567");
        assertEquals(1, asked.get());
        assertEquals(1, opens.takeAll().size());
    }

    @Test
    void afterTheWindowClosedAddsWaitForTheNextOne() {
        opens.windowUp(() -> { });
        opens.add("a.torrent");
        assertEquals(List.of("a.torrent"), opens.windowDown(), "what the closed window never took");
        opens.add("b.torrent");
        List<String> taken = new ArrayList<>();
        opens.windowUp(() -> taken.addAll(opens.takeAll()));
        assertEquals(List.of("b.torrent"), taken);
    }

    @Test
    void aFloodIsRefusedInOneLinePastTheBound() {
        for (int i = 0; i < WaitingOpens.MOST_WAITING; i++) {
            opens.add("t" + i + ".torrent");
        }
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> opens.add("late.torrent"));
        assertTrue(refused.getMessage().contains("late.torrent"), refused.getMessage());
        assertEquals(WaitingOpens.MOST_WAITING, opens.takeAll().size());
    }

    @Test
    void withNoWindowToComeAddsAreRefusedAndWhatWaitedIsHandedBack() {
        opens.add("a.torrent");
        assertEquals(List.of("a.torrent"), opens.unavailable("no display"));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> opens.add("b.torrent"));
        assertEquals("no display", refused.getMessage());
    }

    @Test
    void addsRacingTheWindowComingUpAreNeverLost() throws InterruptedException {
        for (int round = 0; round < 200; round++) {
            WaitingOpens racing = new WaitingOpens();
            List<String> taken = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            Thread adder = new Thread(() -> {
                await(go);
                for (int i = 0; i < 20; i++) {
                    racing.add("t" + i);
                }
            });
            adder.start();
            go.countDown();
            racing.windowUp(() -> {
                synchronized (taken) {
                    taken.addAll(racing.takeAll());
                }
            });
            adder.join();
            synchronized (taken) {
                // Each add either came before the window (taken when it came up) or asked it to take.
                assertEquals(20, taken.size(), "round " + round + ": " + taken);
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
