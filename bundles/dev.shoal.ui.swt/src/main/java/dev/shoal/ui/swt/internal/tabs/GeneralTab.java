package dev.shoal.ui.swt.internal.tabs;

import dev.shoal.engine.api.TorrentStatus;
import dev.shoal.support.text.Shares;
import dev.shoal.support.text.Sizes;
import dev.shoal.support.text.Spans;
import dev.shoal.ui.swt.internal.model.Details;
import dev.shoal.ui.swt.internal.model.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** The selected torrent's facts, two columns of "Label: value", and its pieces bar. */
public final class GeneralTab implements DetailsTab {

    private static final String[] LABELS = {"Name", "Info-hash", "Save path", "Size", "Done", "Downloaded",
        "Uploaded", "Ratio", "Wasted", "ETA", "Seeding time", "Error"};

    private final Composite panel;
    private final Map<String, Text> values = new LinkedHashMap<>();
    private final PiecesBar pieces;

    public GeneralTab(Composite parent) {
        panel = new Composite(parent, SWT.NONE);
        panel.setLayout(new GridLayout(4, false));
        for (String label : LABELS) {
            Label name = new Label(panel, SWT.NONE);
            name.setText(label + ":");
            // Read-only Text, not Label: people copy the info-hash and the path.
            Text value = new Text(panel, SWT.READ_ONLY);
            value.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            values.put(label, value);
        }
        Label piecesLabel = new Label(panel, SWT.NONE);
        piecesLabel.setText("Pieces:");
        pieces = new PiecesBar(panel);
        GridData barData = new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1);
        barData.heightHint = 22;
        pieces.control().setLayoutData(barData);
    }

    @Override
    public String title() {
        return "General";
    }

    @Override
    public Control control() {
        return panel;
    }

    @Override
    public void show(Snapshot snapshot) {
        Optional<Details> details = snapshot.details();
        if (details.isEmpty()) {
            values.values().forEach(text -> text.setText(""));
            values.get("Name").setText("(no torrent selected)");
            pieces.set(new java.util.BitSet(), 0);
            return;
        }
        Details d = details.get();
        TorrentStatus s = d.status();
        set("Name", s.name());
        set("Info-hash", s.infoHash().hex());
        set("Save path", d.savePath());
        set("Size", Sizes.of(s.size()));
        // A magnet link's torrent is not known yet: what is done is the fetch of its metadata.
        set("Done", s.metadata().map(m -> "metadata " + Sizes.of(m.bytesReceived())
                + (m.size() > 0 ? " of " + Sizes.of(m.size()) : ""))
                .orElse(Shares.percent(s.progress()) + " (" + Sizes.of(s.verifiedBytes()) + ")"));
        set("Downloaded", Sizes.of(s.downloaded()));
        set("Uploaded", Sizes.of(s.uploaded()));
        set("Ratio", Shares.ratio(s.ratio()));
        set("Wasted", Sizes.of(s.wasted()));
        set("ETA", s.eta().map(Spans::of).orElse(""));
        set("Seeding time", Spans.of(s.seedingTime()));
        set("Error", s.error().orElse(""));
        pieces.set(d.verified(), s.pieces());
    }

    private void set(String label, String value) {
        Text text = values.get(label);
        if (!text.getText().equals(value)) {
            text.setText(value);
        }
    }

    @Override
    public List<String> text() {
        List<String> lines = new ArrayList<>();
        values.forEach((label, value) -> lines.add(label + ": " + value.getText()));
        lines.add("Pieces: " + pieces.describe());
        return lines;
    }
}
