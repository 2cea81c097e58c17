package dev.shoal.ui.swt.internal.window;

import dev.shoal.dht.api.DhtStatus;
import dev.shoal.engine.api.EngineTotals;
import dev.shoal.support.text.Rates;
import dev.shoal.support.text.Sizes;
import dev.shoal.ui.swt.internal.model.DhtText;
import dev.shoal.ui.swt.internal.model.PortsText;
import dev.shoal.ui.swt.internal.model.PortsView;
import dev.shoal.ui.swt.internal.model.Snapshot;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * The line at the bottom: global rates, connections, torrents, the DHT, port mapping, free space
 * where downloads go. Display thread only.
 */
final class StatusBar {

    private final Composite bar;
    private final Label down;
    private final Label up;
    private final Label connections;
    private final Label torrents;
    private final Label dht;
    private final Label ports;
    private final Label free;

    StatusBar(Composite parent) {
        bar = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(7, false);
        layout.marginHeight = 2;
        layout.horizontalSpacing = 24;
        bar.setLayout(layout);
        down = label();
        up = label();
        connections = label();
        torrents = label();
        dht = label();
        ports = label();
        free = label();
        free.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false));
        apply(null);
    }

    private Label label() {
        Label label = new Label(bar, SWT.NONE);
        label.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false));
        return label;
    }

    Composite control() {
        return bar;
    }

    /** Shows the snapshot's figures; lays the bar out again only when a text changed (every second otherwise). */
    void apply(Snapshot snapshot) {
        EngineTotals totals = snapshot == null ? Snapshot.EMPTY.totals() : snapshot.totals();
        boolean changed = set(down, "↓ " + Rates.of(totals.downloadRate()));
        changed |= set(up, "↑ " + Rates.of(totals.uploadRate()));
        changed |= set(connections, "Connections: " + totals.peers());
        if (snapshot == null) {
            changed |= set(torrents, "Torrents: 0");
            changed |= set(free, "Free: ?");
        } else {
            changed |= set(torrents, snapshot.shown().size() == snapshot.total() ? "Torrents: " + snapshot.total()
                    : "Torrents: " + snapshot.total() + " (" + snapshot.shown().size() + " shown)");
            changed |= set(free, "Free: " + (snapshot.freeBytes() < 0 ? "?" : Sizes.of(snapshot.freeBytes())));
        }
        changed |= dht((snapshot == null ? Snapshot.EMPTY : snapshot).dht());
        changed |= ports((snapshot == null ? Snapshot.EMPTY : snapshot).ports());
        if (changed) {
            bar.layout(true);
        }
    }

    /** The DHT's line, and its figures as the tooltip. */
    private boolean dht(DhtStatus status) {
        tip(dht, DhtText.details(status));
        return set(dht, DhtText.line(status));
    }

    /** Port mapping's line, and every mapping as the tooltip. */
    private boolean ports(PortsView view) {
        tip(ports, PortsText.details(view));
        return set(ports, PortsText.line(view));
    }

    /** A tooltip is set only when it changed, as the texts: the bar is not laid out for it. */
    private static void tip(Label label, String tip) {
        if (!tip.equals(label.getToolTipText())) {
            label.setToolTipText(tip);
        }
    }

    /** What {@code ui:ports} prints: the line, then the tooltip's lines. */
    List<String> ports() {
        List<String> lines = new ArrayList<>();
        lines.add(ports.getText());
        lines.addAll(List.of(ports.getToolTipText().split("\n")));
        return lines;
    }

    private static boolean set(Label label, String text) {
        if (label.getText().equals(text)) {
            return false;
        }
        label.setText(text);
        return true;
    }

    List<String> text() {
        List<String> lines = new ArrayList<>();
        for (Label label : new Label[] {down, up, connections, torrents, dht, ports, free}) {
            lines.add(label.getText());
        }
        return lines;
    }
}
