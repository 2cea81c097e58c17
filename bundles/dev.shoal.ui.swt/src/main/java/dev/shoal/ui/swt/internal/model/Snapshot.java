package dev.shoal.ui.swt.internal.model;

import dev.shoal.dht.api.DhtStatus;
import dev.shoal.engine.api.EngineTotals;
import dev.shoal.engine.api.Torrent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the window shows at one moment, built by the poller off the display thread and applied
 * by the display thread in one go. Immutable.
 *
 * @param shown     the rows the table shows, filtered and sorted as {@code view} says
 * @param total     torrents the engine holds
 * @param freeBytes usable space where new downloads go, -1 when it cannot be read
 * @param details   the selected torrent, if one is selected and still there
 * @param global    every torrent's rates together over the last minutes
 * @param handles   the engine's torrents by id, for actions on the selection
 * @param dht       the DHT node's figures; {@link DhtStatus#OFF} when it is off or its bundle is not running
 * @param sidebar   every torrent counted by state, tracker host and label
 * @param ports     port mapping and the reachability verdict; {@link PortsView#NOT_RUNNING} without its bundle
 */
public record Snapshot(List<TorrentRow> shown, int total, EngineTotals totals, long freeBytes,
        Optional<Details> details, RateSeries global, ViewState view, Map<Integer, Torrent> handles, DhtStatus dht,
        Sidebar sidebar, PortsView ports) {

    public static final Snapshot EMPTY = new Snapshot(List.of(), 0, new EngineTotals(0, 0, 0, 0, 0, 0, 0), -1,
            Optional.empty(), RateSeries.EMPTY, ViewState.DEFAULT, Map.of(), DhtStatus.OFF, Sidebar.EMPTY,
            PortsView.NOT_RUNNING);

    public Snapshot withView(List<TorrentRow> rows, ViewState view) {
        return new Snapshot(rows, total, totals, freeBytes, details, global, view, handles, dht, sidebar, ports);
    }

    /** The tray's rates while the window is hidden: the rest as it was. */
    public Snapshot withTotals(EngineTotals totals) {
        return new Snapshot(shown, total, totals, freeBytes, details, global, view, handles, dht, sidebar, ports);
    }

    public Snapshot withDetails(Optional<Details> details) {
        return new Snapshot(shown, total, totals, freeBytes, details, global, view, handles, dht, sidebar, ports);
    }
}
