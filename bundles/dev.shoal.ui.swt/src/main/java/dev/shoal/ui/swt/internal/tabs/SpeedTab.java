package dev.shoal.ui.swt.internal.tabs;

import dev.shoal.support.text.Rates;
import dev.shoal.ui.swt.internal.model.Details;
import dev.shoal.ui.swt.internal.model.GraphScale;
import dev.shoal.ui.swt.internal.model.RateSeries;
import dev.shoal.ui.swt.internal.model.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;

/**
 * Down and up rates over the last minutes: every torrent together (solid) and the selected one
 * (dashed), rate labels on the left, minutes ago along the bottom.
 */
public final class SpeedTab implements DetailsTab {

    private static final int LEFT = 80;
    private static final int RIGHT = 12;
    private static final int TOP = 24;
    private static final int BOTTOM = 22;

    private final Canvas canvas;
    private final IntSupplier minutes;
    private final Color downColor;
    private final Color upColor;
    private RateSeries global = RateSeries.EMPTY;
    private RateSeries selected = RateSeries.EMPTY;
    private String selectedName = "";

    public SpeedTab(Composite parent, IntSupplier minutes) {
        this.minutes = minutes;
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        downColor = new Color(parent.getDisplay(), 30, 100, 210);
        upColor = new Color(parent.getDisplay(), 40, 160, 60);
        canvas.addListener(SWT.Paint, this::paint);
        canvas.addListener(SWT.Dispose, e -> {
            downColor.dispose();
            upColor.dispose();
        });
    }

    @Override
    public String title() {
        return "Speed";
    }

    @Override
    public Control control() {
        return canvas;
    }

    @Override
    public void show(Snapshot snapshot) {
        global = snapshot.global();
        selected = snapshot.details().map(Details::history).orElse(RateSeries.EMPTY);
        selectedName = snapshot.details().map(d -> d.status().name()).orElse("");
        canvas.redraw();
    }

    private void paint(Event event) {
        GC gc = event.gc;
        Rectangle area = canvas.getClientArea();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        gc.fillRectangle(area);
        gc.setAntialias(SWT.ON);
        Rectangle plot = new Rectangle(area.x + LEFT, area.y + TOP, Math.max(1, area.width - LEFT - RIGHT),
                Math.max(1, area.height - TOP - BOTTOM));
        long top = GraphScale.top(Math.max(global.peak(), selected.peak()));
        long span = minutes.getAsInt() * 60_000L;
        long end = System.currentTimeMillis();
        Color text = canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND);
        Color grid = canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW);
        for (int i = 0; i <= 4; i++) {
            int y = plot.y + plot.height - plot.height * i / 4;
            gc.setForeground(grid);
            gc.setLineStyle(SWT.LINE_DOT);
            gc.drawLine(plot.x, y, plot.x + plot.width, y);
            gc.setForeground(text);
            String label = Rates.of(top * i / 4);
            Point extent = gc.textExtent(label);
            gc.drawText(label, plot.x - extent.x - 6, y - extent.y / 2, true);
        }
        int minuteCount = minutes.getAsInt();
        int every = minuteCount <= 10 ? 1 : minuteCount <= 60 ? 10 : 60;
        for (int m = 0; m <= minuteCount; m += every) {
            int x = plot.x + plot.width - (int) ((long) plot.width * m / minuteCount);
            String label = m == 0 ? "now" : "-" + m + "m";
            Point extent = gc.textExtent(label);
            gc.drawText(label, x - extent.x / 2, plot.y + plot.height + 3, true);
        }
        gc.setLineStyle(SWT.LINE_SOLID);
        gc.setForeground(grid);
        gc.drawRectangle(plot);
        line(gc, plot, global, global.down(), downColor, SWT.LINE_SOLID, 2, top, end, span);
        line(gc, plot, global, global.up(), upColor, SWT.LINE_SOLID, 2, top, end, span);
        line(gc, plot, selected, selected.down(), downColor, SWT.LINE_DASH, 1, top, end, span);
        line(gc, plot, selected, selected.up(), upColor, SWT.LINE_DASH, 1, top, end, span);
        gc.setLineStyle(SWT.LINE_SOLID);
        gc.setLineWidth(1);
        int x = plot.x;
        x = legend(gc, x, area.y + 4, downColor, "↓ all " + Rates.of(last(global.down())));
        x = legend(gc, x, area.y + 4, upColor, "↑ all " + Rates.of(last(global.up())));
        if (!selectedName.isEmpty()) {
            x = legend(gc, x, area.y + 4, text, "dashed: " + selectedName);
            x = legend(gc, x, area.y + 4, downColor, "↓ " + Rates.of(last(selected.down())));
            legend(gc, x, area.y + 4, upColor, "↑ " + Rates.of(last(selected.up())));
        }
    }

    /** One legend entry in its line's colour; where the next one starts. */
    private static int legend(GC gc, int x, int y, Color color, String label) {
        gc.setForeground(color);
        gc.drawText(label, x, y, true);
        return x + gc.textExtent(label).x + 18;
    }

    private static void line(GC gc, Rectangle plot, RateSeries series, long[] rates, Color color, int style, int width,
            long top, long end, long span) {
        if (series.size() < 2) {
            return;
        }
        int[] points = new int[series.size() * 2];
        int n = 0;
        for (int i = 0; i < series.size(); i++) {
            long age = end - series.times()[i];
            if (age > span) {
                continue;
            }
            points[n++] = plot.x + plot.width - (int) (plot.width * age / span);
            points[n++] = plot.y + plot.height - (int) (plot.height * Math.min(rates[i], top) / top);
        }
        if (n < 4) {
            return;
        }
        gc.setForeground(color);
        gc.setLineStyle(style);
        gc.setLineWidth(width);
        gc.drawPolyline(java.util.Arrays.copyOf(points, n));
    }

    private static long last(long[] values) {
        return values.length == 0 ? 0 : values[values.length - 1];
    }

    @Override
    public List<String> text() {
        List<String> lines = new ArrayList<>();
        lines.add("Minutes: " + minutes.getAsInt());
        lines.add("Scale: " + Rates.of(GraphScale.top(Math.max(global.peak(), selected.peak()))));
        lines.add("Samples: " + global.size());
        lines.add("All down: " + Rates.of(last(global.down())));
        lines.add("All up: " + Rates.of(last(global.up())));
        lines.add("Torrent: " + selectedName);
        lines.add("Torrent samples: " + selected.size());
        lines.add("Torrent down: " + Rates.of(last(selected.down())));
        lines.add("Torrent up: " + Rates.of(last(selected.up())));
        return lines;
    }
}
