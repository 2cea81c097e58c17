package dev.shoal.ui.swt.internal.tabs;

import dev.shoal.engine.api.PeerStatus;
import dev.shoal.support.net.Addresses;
import dev.shoal.support.text.Rates;
import dev.shoal.support.text.Shares;
import dev.shoal.ui.swt.internal.model.Details;
import dev.shoal.ui.swt.internal.model.Snapshot;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.swt.widgets.Composite;

/** The selected torrent's connected peers: address, client, flags, where they came from, rates, how much they have. */
public final class PeersTab extends TableTab {

    public PeersTab(Composite parent) {
        super(parent, "Peers", new String[] {"Address", "Client", "Flags", "Source", "Down", "Up", "Progress"},
                new int[] {200, 160, 70, 80, 90, 90, 80});
    }

    @Override
    public void show(Snapshot snapshot) {
        List<String[]> rows = new ArrayList<>();
        for (PeerStatus peer : snapshot.details().map(Details::peers).orElse(List.of())) {
            rows.add(new String[] {Addresses.format(peer.address()), peer.client(), peer.flags(), peer.source(),
                Rates.of(peer.downloadRate()), Rates.of(peer.uploadRate()), Shares.percent(peer.progress())});
        }
        table.set(rows);
    }
}
