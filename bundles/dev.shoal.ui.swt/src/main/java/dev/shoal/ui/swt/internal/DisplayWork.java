package dev.shoal.ui.swt.internal;

import java.util.Locale;

/**
 * How much work the display thread does for the torrents table, counted where it is done, for
 * {@code ui:work}: rows the table asked for (SetData), rows formatted into cells, progress images
 * made. Counted per refresh, which starts wherever the rows on screen may change (new rows from a
 * snapshot, a step of the row count, a scroll, a selection moved into view); the most any refresh
 * took is kept. A VIRTUAL table keeps these at about the rows on screen, however many torrents there are:
 * unlike a duration, a count does not depend on how loaded the machine is, so a test can assert it.
 * Display thread only (plain fields, no cost worth mentioning): {@code ui:work} reads it there too.
 * The engine calls made on the display thread come from the {@link EngineGuard} and are not reset.
 */
public final class DisplayWork {

    private final EngineGuard engine;
    private final PerRefresh setData = new PerRefresh();
    private final PerRefresh rowsFormatted = new PerRefresh();
    private final PerRefresh imagesMade = new PerRefresh();
    private long refreshes;
    private int rowsOnScreen;
    private boolean fixedHeightRows;

    public DisplayWork(EngineGuard engine) {
        this.engine = engine;
    }

    /** A count in total and per refresh, with the most any refresh since the last reset took. */
    private static final class PerRefresh {
        long total;
        long current;
        long most;

        void add() {
            total++;
            current++;
        }

        void endRefresh() {
            most = Math.max(most, current);
            current = 0;
        }

        /** The most per refresh, the one under way included. */
        long most() {
            return Math.max(most, current);
        }

        void reset() {
            total = 0;
            current = 0;
            most = 0;
        }
    }

    /** The rows on screen may change now: what follows counts towards a new refresh. */
    public void refresh() {
        refreshes++;
        setData.endRefresh();
        rowsFormatted.endRefresh();
        imagesMade.endRefresh();
    }

    /** The table asked for a row's values (SWT.SetData). */
    public void setData() {
        setData.add();
    }

    /** A row's cells were formatted for the table. */
    public void rowFormatted() {
        rowsFormatted.add();
    }

    /** An image was made for the table. */
    public void imageMade() {
        imagesMade.add();
    }

    /** How many rows the table's area holds, partly shown ones included. */
    public void rowsOnScreen(int rows) {
        rowsOnScreen = rows;
    }

    /**
     * Whether GTK takes every row's height from the first. Without it GTK measures rows itself, work
     * that grows with the torrents but hardly shows in the counts here: with the mode off, the most
     * SetData per refresh stayed a screenful while the longest busy stretch tripled.
     */
    public void fixedHeightRows(boolean on) {
        fixedHeightRows = on;
    }

    public void reset() {
        refreshes = 0;
        setData.reset();
        rowsFormatted.reset();
        imagesMade.reset();
    }

    /**
     * {@code refreshes=N rowsOnScreen=R fixedHeightRows=0|1 setData=T maxSetDataPerRefresh=M rowsFormatted=T
     * maxRowsFormattedPerRefresh=M imagesMade=T maxImagesMadePerRefresh=M engineCalls=C
     * engineCallsOnDisplayThread=D}, and when D is not 0 a line naming the last such call.
     */
    public String summary() {
        String text = String.format(Locale.ROOT, "refreshes=%d rowsOnScreen=%d fixedHeightRows=%d setData=%d"
                + " maxSetDataPerRefresh=%d rowsFormatted=%d maxRowsFormattedPerRefresh=%d imagesMade=%d"
                + " maxImagesMadePerRefresh=%d engineCalls=%d engineCallsOnDisplayThread=%d", refreshes, rowsOnScreen,
                fixedHeightRows ? 1 : 0, setData.total, setData.most(), rowsFormatted.total, rowsFormatted.most(),
                imagesMade.total, imagesMade.most(), engine.calls(), engine.callsOnDisplayThread());
        String last = engine.lastCallOnDisplayThread();
        return last.isEmpty() ? text : text + String.format("%nlast engine call on the display thread: %s", last);
    }
}
