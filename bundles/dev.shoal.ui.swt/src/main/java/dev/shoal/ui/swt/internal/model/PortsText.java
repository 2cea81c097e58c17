package dev.shoal.ui.swt.internal.model;

import dev.shoal.portmap.api.Connectivity;
import dev.shoal.portmap.api.Mapping;
import dev.shoal.portmap.api.PortMapStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the status bar words port mapping: one short line (mapped with the external address, port and
 * protocol; not mapped; failed with the router's answer; off; not running) ending in the reachability
 * verdict, and every mapping for its tooltip, as {@code shoal:ports} says them.
 */
public final class PortsText {

    /** A router's answer in the line is cut here; the tooltip has it whole. */
    static final int REASON_CHARS = 48;

    private PortsText() {
    }

    /** "Port 6881: mapped to 203.0.113.7:6881 (PCP) · reachable: likely", "Port mapping: off · reachable: unknown". */
    public static String line(PortsView view) {
        if (!view.running()) {
            return "Port mapping: not running";
        }
        Connectivity c = view.connectivity();
        String port = c.port() > 0 ? "Port " + c.port() : "Port mapping";
        return port + ": " + state(view.status(), c.port()) + " · reachable: " + c.verdict();
    }

    /** The tooltip: each router's answer for each port, the external address, the verdict and why. */
    public static String details(PortsView view) {
        if (!view.running()) {
            return "Port mapping (dev.shoal.portmap) is not running: stopped, or being updated.";
        }
        PortMapStatus status = view.status();
        List<String> lines = new ArrayList<>();
        if (!status.enabled()) {
            lines.add("Port mapping is off (Preferences, Shoal port mapping): no router is asked to forward Shoal's ports.");
        } else {
            lines.add("External address: " + status.externalAddress()
                    .map(a -> a.address().getHostAddress() + " (from " + a.source() + ")").orElse("not known"));
            lines.add("Gateways: " + (status.gateways().isEmpty() ? "none found" : String.join(", ", status.gateways())));
            for (Mapping m : status.mappings()) {
                lines.add(m.method() + " " + m.transport() + " " + m.internalPort()
                        + (m.externalPort() > 0 ? " → " + m.externalPort() : "") + ": " + m.state() + " on " + m.gateway()
                        + (m.note().isEmpty() ? "" : ", " + m.note()));
            }
        }
        Connectivity c = view.connectivity();
        lines.add("Reachable: " + c.verdict() + ", " + c.reason() + ".");
        return String.join("\n", lines);
    }

    /** The peer port's TCP mappings summed up: one mapped wins; while any is asked, "not mapped yet"; else the failure. */
    private static String state(PortMapStatus status, int port) {
        if (!status.enabled()) {
            return "mapping off";
        }
        List<Mapping> tcp = status.mappings().stream()
                .filter(m -> m.transport().equals("TCP") && (port == 0 || m.internalPort() == port)).toList();
        Optional<Mapping> mapped = first(tcp, Mapping.MAPPED);
        if (mapped.isPresent()) {
            Mapping m = mapped.get();
            return "mapped to " + status.externalAddress().map(a -> a.address().getHostAddress() + ":" + m.externalPort())
                    .orElse("external port " + m.externalPort()) + " (" + m.method() + ")";
        }
        if (first(tcp, Mapping.PENDING).isPresent()) {
            return "not mapped yet, asking " + (tcp.size() == 1 ? "the router" : tcp.size() + " routers");
        }
        Optional<Mapping> failed = first(tcp, Mapping.FAILED);
        if (failed.isPresent()) {
            Mapping m = failed.get();
            // Most routers' answers name their protocol already ("PCP: 192.168.1.1 does not listen...").
            String said = m.note().startsWith(m.method()) ? m.note() : m.method() + ": " + m.note();
            return "mapping failed (" + cut(said) + ")";
        }
        return status.gateways().isEmpty() ? "not mapped, no router found" : "not mapped";
    }

    private static Optional<Mapping> first(List<Mapping> mappings, String state) {
        return mappings.stream().filter(m -> m.state().equals(state)).findFirst();
    }

    /** At most {@value #REASON_CHARS} characters, cut after a whole word where there is one. */
    private static String cut(String reason) {
        if (reason.length() <= REASON_CHARS) {
            return reason;
        }
        String head = reason.substring(0, REASON_CHARS - 1);
        int space = head.lastIndexOf(' ');
        return (space > REASON_CHARS / 2 ? head.substring(0, space) : head) + "…";
    }
}
