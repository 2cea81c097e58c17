package dev.shoal.ui.swt.internal.model;

import dev.shoal.portmap.api.Connectivity;
import dev.shoal.portmap.api.PortMapStatus;
import dev.shoal.portmap.api.PortMapper;
import java.util.Optional;

/**
 * Port mapping as the status bar shows it, read from the {@link PortMapper} service on the poll
 * thread: its status and the reachability verdict, or that the port mapping bundle is not running.
 *
 * @param running      false while no {@link PortMapper} is registered (dev.shoal.portmap stopped or being updated)
 * @param status       the mappings; {@link PortMapStatus#OFF} when not running
 * @param connectivity {@code shoal:ports}' verdict on the peer port
 */
public record PortsView(boolean running, PortMapStatus status, Connectivity connectivity) {

    public static final PortsView NOT_RUNNING = new PortsView(false, PortMapStatus.OFF,
            new Connectivity(0, Connectivity.UNKNOWN, "port mapping is not running"));

    /** What {@code mapper} says now; {@link #NOT_RUNNING} without one. Two volatile reads and a walk of the peers. */
    public static PortsView of(Optional<PortMapper> mapper) {
        return mapper.map(m -> new PortsView(true, m.status(), m.connectivity())).orElse(NOT_RUNNING);
    }
}
