package dev.shoal.portmap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.portmap.api.Mapping;
import dev.shoal.portmap.api.PortMapStatus;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** shoal:ports' verdict: proof from a peer of the internet, likely with a mapping, else unknown, never a guess. */
class ReachabilityTest {

    private static final int PORT = 51413;
    private static final PortMapStatus NO_ROUTER = new PortMapStatus(true, List.of(), List.of(), Optional.empty());

    @Test
    void aPeerOfTheInternetThatDialledUsProvesIt() {
        List<String> lines = Reachability.verdict(PORT, List.of(new InetSocketAddress("192.168.1.20", 6881),
                new InetSocketAddress("203.0.113.9", 40000)), NO_ROUTER);
        assertEquals(List.of("incoming now: 2 peers dialled us, 1 from the internet (203.0.113.9:40000)",
                "reachable: yes, a peer from the internet dialled port 51413"), lines);
    }

    @Test
    void peersOfTheLanOrLoopbackProveNothing() {
        List<String> lines = Reachability.verdict(PORT, List.of(new InetSocketAddress("127.0.0.1", 6881),
                new InetSocketAddress("10.0.0.7", 6881), new InetSocketAddress("100.64.3.2", 6881),
                new InetSocketAddress("fd00::5", 6881)), NO_ROUTER);
        assertEquals("incoming now: 4 peers dialled us, 0 from the internet", lines.get(0));
        assertEquals(true, lines.get(1).startsWith("reachable: unknown, no router maps port 51413"), lines.get(1));
    }

    @Test
    void aMappingOfThePeerPortMakesItLikely() {
        Mapping tcp = new Mapping(Mapping.UPNP, "TCP", "upnp http://192.168.1.1:5000/ctl", PORT, PORT,
                Mapping.MAPPED, 3600, 0, "");
        Mapping otherPort = new Mapping(Mapping.PCP, "TCP", "eth0 192.168.1.1", 6881, 6881, Mapping.MAPPED, 3600, 0, "");
        assertEquals("reachable: likely, a router maps port 51413; no peer from the internet has dialled it yet",
                Reachability.verdict(PORT, List.of(), new PortMapStatus(true, List.of(), List.of(tcp),
                        Optional.empty())).get(1));
        assertEquals(true, Reachability.verdict(PORT, List.of(), new PortMapStatus(true, List.of(),
                List.of(otherPort), Optional.empty())).get(1).startsWith("reachable: unknown"));
    }
}
