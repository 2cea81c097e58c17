package dev.shoal.portmap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.portmap.api.Mapping;
import dev.shoal.portmap.api.PortMapStatus;
import dev.shoal.test.support.RouterNamespace;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Port mapping against Debian's miniupnpd in a network namespace ({@link RouterNamespace}): the
 * gateway found from the host's routing table, PCP, NAT-PMP and UPnP IGD each map the TCP and UDP
 * ports, learn the external address, renew short leases, and remove the mappings at stop, as
 * miniupnpd's own nftables rules show.
 */
@Timeout(120)
class MiniupnpdTest {

    private static final int TCP_PORT = 40111;
    private static final int UDP_PORT = 40112;
    private static final Set<Mapper.Port> PORTS = Set.of(new Mapper.Port(Transport.TCP, TCP_PORT),
            new Mapper.Port(Transport.UDP, UDP_PORT));

    @TempDir
    static Path dir;
    private static RouterNamespace router;

    @BeforeAll
    static void startRouter() throws Exception {
        router = RouterNamespace.start(dir);
    }

    @AfterAll
    static void stopRouter() {
        if (router != null) {
            router.close();
        }
    }

    @Test
    void theInterfacesDefaultGatewayIsFound() throws Exception {
        List<Gateway> found = Gateways.find(Set.of(router.hostInterface));
        assertEquals(List.of(new Gateway(router.hostInterface, (Inet4Address) InetAddress.getByName(router.hostAddress),
                (Inet4Address) InetAddress.getByName(router.routerAddress), false)), found);
    }

    @Test
    void pcpAndUpnpMapRenewAndRemoveBothPorts() throws Exception {
        Settings settings = new Settings(true, true, true, Set.of(router.hostInterface), 4, 60);
        UpnpDiscovery discovery = new UpnpDiscovery(UpnpDiscovery.client());
        Mapper mapper = new Mapper(settings, Gateways::find,
                (g, s) -> List.of(new PmpRouter(g), new UpnpGateway(g, discovery)), System::currentTimeMillis);
        long start = System.nanoTime();
        tickUntil(mapper, () -> mapper.jobs().size() == 4 && mapper.jobs().stream().allMatch(MappingJob::mapped));
        long mappedMs = (System.nanoTime() - start) / 1_000_000;
        PortMapStatus status = mapper.status();
        System.out.println("[figure] discovered and mapped 2 ports by PCP and UPnP in " + mappedMs + " ms");
        status.mappings().forEach(m -> System.out.println("[mapping] " + m));
        assertEquals(Set.of(Mapping.PCP, Mapping.UPNP),
                Set.copyOf(status.mappings().stream().map(Mapping::method).toList()));
        assertTrue(status.mappings().stream().allMatch(m -> m.externalPort() == m.internalPort()), status.toString());
        assertEquals(RouterNamespace.EXTERNAL, status.externalAddress().orElseThrow().address().getHostAddress());
        String rules = router.rules();
        assertTrue(rules.contains("dport " + TCP_PORT) && rules.contains("dport " + UDP_PORT), rules);
        // shoal:ports: the router's mapping makes the port likely reachable, though no peer has dialled it.
        List<String> verdict = Reachability.verdict(TCP_PORT, List.of(), status);
        assertTrue(verdict.get(1).startsWith("reachable: likely"), verdict.toString());

        // Leases of 4 s (PCP grants what was asked within min_lifetime 2; UPnP the same) are renewed every 2 s.
        long renewStart = System.nanoTime();
        tickUntil(mapper, () -> mapper.jobs().stream().allMatch(j -> j.grants() >= 3));
        System.out.println("[figure] every mapping granted 3 times (2 renewals of a 4 s lease) after "
                + (System.nanoTime() - renewStart) / 1_000_000 + " ms");
        assertTrue(mapper.jobs().stream().allMatch(MappingJob::mapped), mapper.status().toString());

        mapper.stop();
        String after = router.rules();
        assertFalse(after.contains("dport " + TCP_PORT) || after.contains("dport " + UDP_PORT), after);
        assertFalse(mapper.status().enabled());
    }

    @Test
    void natPmpMapsReadsTheExternalAddressAndRemoves() throws Exception {
        Gateway gateway = Gateways.find(Set.of(router.hostInterface)).get(0);
        PmpRouter natPmp = new PmpRouter(gateway, true);
        Grant grant = natPmp.map(Transport.TCP, 40113, 3600);
        assertEquals(Mapping.NAT_PMP, natPmp.method());
        assertEquals(40113, grant.externalPort());
        assertEquals(3600, grant.leaseSeconds());
        assertEquals(RouterNamespace.EXTERNAL, grant.externalAddress().getHostAddress());
        assertTrue(router.rules().contains("dport 40113"));
        natPmp.unmap(Transport.TCP, 40113);
        assertFalse(router.rules().contains("dport 40113"), router.rules());
    }

    private static void tickUntil(Mapper mapper, BooleanSupplier done) throws InterruptedException {
        while (!done.getAsBoolean()) {
            mapper.tick(PORTS);
            Thread.sleep(20);
        }
    }
}
