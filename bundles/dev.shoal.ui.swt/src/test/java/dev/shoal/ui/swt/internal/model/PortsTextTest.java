package dev.shoal.ui.swt.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.portmap.api.Connectivity;
import dev.shoal.portmap.api.ExternalAddress;
import dev.shoal.portmap.api.Mapping;
import dev.shoal.portmap.api.PortMapStatus;
import dev.shoal.portmap.api.PortMapper;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The status bar's port mapping line and tooltip, for each state port mapping can be in. */
class PortsTextTest {

    private static final String GATEWAY = "eth0 via 192.168.1.1";
    private static final Connectivity UNKNOWN = new Connectivity(6881, Connectivity.UNKNOWN, "no router maps port 6881");
    private static final Connectivity LIKELY = new Connectivity(6881, Connectivity.LIKELY, "a router maps port 6881");

    @Test
    void notRunningAndOff() {
        assertEquals("Port mapping: not running", PortsText.line(PortsView.of(Optional.empty())));
        assertTrue(PortsText.details(PortsView.NOT_RUNNING).contains("not running"));
        PortsView off = new PortsView(true, PortMapStatus.OFF, UNKNOWN);
        assertEquals("Port 6881: mapping off · reachable: unknown", PortsText.line(off));
        assertEquals("Port mapping is off (Preferences, Shoal port mapping): no router is asked to forward Shoal's ports.\n"
                + "Reachable: unknown, no router maps port 6881.", PortsText.details(off));
    }

    @Test
    void mappedWithTheExternalAddressPortAndProtocol() throws Exception {
        Mapping pcp = new Mapping(Mapping.PCP, "TCP", GATEWAY, 6881, 16881, Mapping.MAPPED, 3600, 0, "");
        Mapping upnpUdp = new Mapping(Mapping.UPNP, "UDP", "http://192.168.1.1:5000/ctl", 6882, 0, Mapping.FAILED, 0, 0,
                "UPnP AddPortMapping: the router answered 718 ConflictInMappingEntry");
        ExternalAddress external = new ExternalAddress(InetAddress.getByName("203.0.113.7"), "PCP " + GATEWAY);
        PortMapper mapper = new PortMapper() {
            @Override
            public PortMapStatus status() {
                return new PortMapStatus(true, List.of(GATEWAY), List.of(pcp, upnpUdp), Optional.of(external));
            }

            @Override
            public Connectivity connectivity() {
                return LIKELY;
            }
        };
        PortsView view = PortsView.of(Optional.of(mapper));
        assertEquals("Port 6881: mapped to 203.0.113.7:16881 (PCP) · reachable: likely", PortsText.line(view));
        assertEquals(String.join("\n", "External address: 203.0.113.7 (from PCP eth0 via 192.168.1.1)",
                "Gateways: eth0 via 192.168.1.1",
                "PCP TCP 6881 → 16881: mapped on eth0 via 192.168.1.1",
                "UPnP UDP 6882: failed on http://192.168.1.1:5000/ctl, UPnP AddPortMapping: the router answered 718"
                        + " ConflictInMappingEntry",
                "Reachable: likely, a router maps port 6881."), PortsText.details(view));
        PortsView noAddress = new PortsView(true, new PortMapStatus(true, List.of(GATEWAY), List.of(pcp), Optional.empty()),
                LIKELY);
        assertEquals("Port 6881: mapped to external port 16881 (PCP) · reachable: likely", PortsText.line(noAddress));
    }

    @Test
    void failedWithTheRoutersAnswerCut() {
        Mapping refused = new Mapping(Mapping.UPNP, "TCP", GATEWAY, 6881, 0, Mapping.FAILED, 0, 0,
                "UPnP AddPortMapping: the router answered 718 ConflictInMappingEntry");
        Mapping silent = new Mapping(Mapping.PCP, "TCP", GATEWAY, 6881, 0, Mapping.FAILED, 0, 0,
                "no answer");
        String line = PortsText.line(new PortsView(true, new PortMapStatus(true, List.of(GATEWAY), List.of(silent, refused),
                Optional.empty()), UNKNOWN));
        assertEquals("Port 6881: mapping failed (PCP: no answer) · reachable: unknown", line);
        String cut = PortsText.line(new PortsView(true, new PortMapStatus(true, List.of(GATEWAY), List.of(refused),
                Optional.empty()), UNKNOWN));
        assertEquals("Port 6881: mapping failed (UPnP AddPortMapping: the router answered 718…) · reachable: unknown", cut);
    }

    @Test
    void notMappedWhileAskingOrWithoutARouter() {
        Mapping pending = new Mapping(Mapping.UPNP, "TCP", GATEWAY, 6881, 0, Mapping.PENDING, 0, 0, "");
        Mapping failed = new Mapping(Mapping.PCP, "TCP", GATEWAY, 6881, 0, Mapping.FAILED, 0, 0, "PCP: refused");
        assertEquals("Port 6881: not mapped yet, asking 2 routers · reachable: unknown", PortsText.line(new PortsView(true,
                new PortMapStatus(true, List.of(GATEWAY), List.of(failed, pending), Optional.empty()), UNKNOWN)));
        assertEquals("Port 6881: not mapped, no router found · reachable: unknown", PortsText.line(new PortsView(true,
                new PortMapStatus(true, List.of(), List.of(), Optional.empty()), UNKNOWN)));
        Mapping otherPort = new Mapping(Mapping.PCP, "TCP", GATEWAY, 7000, 7000, Mapping.MAPPED, 60, 0, "");
        assertEquals("Port 6881: not mapped · reachable: unknown", PortsText.line(new PortsView(true,
                new PortMapStatus(true, List.of(GATEWAY), List.of(otherPort), Optional.empty()), UNKNOWN)));
        assertEquals("Port mapping: not mapped, no router found · reachable: unknown", PortsText.line(new PortsView(true,
                new PortMapStatus(true, List.of(), List.of(), Optional.empty()),
                new Connectivity(0, Connectivity.UNKNOWN, "the peer wire is not running"))));
    }
}
