package dev.shoal.ui.swt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.engine.api.Engine;
import java.lang.reflect.Proxy;

import org.junit.jupiter.api.Test;

class DisplayWorkTest {

    private final DisplayWork work = new DisplayWork(new EngineGuard());

    @Test
    void countsPerRefreshKeepTheMostAnyRefreshTook() {
        work.rowsOnScreen(27);
        work.fixedHeightRows(true);
        work.refresh();
        rows(25);
        work.imageMade();
        work.refresh();
        rows(3);
        work.refresh();
        work.setData(); // past the end: asked for, nothing formatted
        assertEquals("refreshes=3 rowsOnScreen=27 fixedHeightRows=1 setData=29 maxSetDataPerRefresh=25 rowsFormatted=28"
                + " maxRowsFormattedPerRefresh=25 imagesMade=1 maxImagesMadePerRefresh=1 engineCalls=0"
                + " engineCallsOnDisplayThread=0", work.summary());
    }

    @Test
    void theRefreshUnderWayCountsBeforeItEnds() {
        work.refresh();
        rows(4);
        work.refresh();
        rows(40);
        assertEquals(40, figure("maxRowsFormattedPerRefresh"));
    }

    @Test
    void resetForgetsTotalsAndMaximaButNotTheScreen() {
        work.rowsOnScreen(30);
        work.refresh();
        rows(10_000);
        work.reset();
        work.refresh();
        rows(2);
        assertEquals(2, figure("maxSetDataPerRefresh"));
        assertEquals(2, figure("setData"));
        assertEquals(1, figure("refreshes"));
        assertEquals(30, figure("rowsOnScreen"));
    }

    @Test
    void engineCallsAreReportedAndOneOnTheDisplayThreadByName() {
        EngineGuard guard = new EngineGuard();
        Engine engine = guard.guard((Engine) Proxy.newProxyInstance(Engine.class.getClassLoader(),
                new Class<?>[] {Engine.class}, (proxy, method, args) -> 6881));
        DisplayWork counted = new DisplayWork(guard);
        engine.listenPort();
        assertTrue(counted.summary().endsWith(" engineCalls=1 engineCallsOnDisplayThread=0"), counted::summary);
        guard.runAsDisplayThread(engine::listenPort);
        assertTrue(counted.summary().endsWith(" engineCalls=2 engineCallsOnDisplayThread=1"
                + System.lineSeparator() + "last engine call on the display thread: Engine.listenPort"), counted::summary);
    }

    private void rows(int count) {
        for (int i = 0; i < count; i++) {
            work.setData();
            work.rowFormatted();
        }
    }

    private long figure(String name) {
        for (String pair : work.summary().split("\\s+")) {
            if (pair.startsWith(name + "=")) {
                return Long.parseLong(pair.substring(name.length() + 1));
            }
        }
        throw new AssertionError("no " + name + " in " + work.summary());
    }
}
