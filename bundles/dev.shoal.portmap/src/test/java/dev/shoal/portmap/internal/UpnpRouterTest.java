package dev.shoal.portmap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The UPnP client against {@link StandInIgd} (not a real router) for what miniupnpd never does:
 * refusing a lease (qBittorrent #12610, #14144), refusing outright, flooding, sending a DTD.
 */
@Timeout(60)
class UpnpRouterTest {

    private static final String SERVICE = "urn:schemas-upnp-org:service:WANIPConnection:1";

    @Test
    void aRefusedLeaseIsAskedAgainAsPermanentAndSaidSo() throws Exception {
        try (StandInIgd igd = new StandInIgd(body -> {
            if (body.contains("GetExternalIPAddress")) {
                return StandInIgd.ok("GetExternalIPAddress", "<NewExternalIPAddress>198.51.100.7</NewExternalIPAddress>");
            }
            return body.contains("<NewLeaseDuration>0<") ? StandInIgd.ok("AddPortMapping", "")
                    : StandInIgd.fault(725, "OnlyPermanentLeasesSupported");
        })) {
            Grant grant = router(igd).map(Transport.TCP, 6881, 3600);
            assertEquals(0, grant.leaseSeconds());
            assertEquals(6881, grant.externalPort());
            assertEquals("198.51.100.7", grant.externalAddress().getHostAddress());
            assertTrue(grant.note().contains("725 OnlyPermanentLeasesSupported") && grant.note().contains("lease 0"),
                    grant.note());
            assertEquals(3, igd.requests.size(), igd.requests.toString());
            assertTrue(igd.requests.get(0).contains("<NewLeaseDuration>3600<"));
            assertTrue(igd.requests.get(1).startsWith("\"" + SERVICE + "#AddPortMapping\""));
            assertTrue(igd.requests.get(1).contains("<NewInternalClient>127.0.0.1<"));
        }
    }

    @Test
    void anotherFaultIsTheErrorWithTheRoutersWords() throws Exception {
        try (StandInIgd igd = new StandInIgd(body -> StandInIgd.fault(718, "ConflictInMappingEntry"))) {
            IOException e = assertThrows(IOException.class, () -> router(igd).map(Transport.UDP, 6881, 3600));
            assertEquals("UPnP AddPortMapping: the router answered 718 ConflictInMappingEntry", e.getMessage());
            assertEquals(1, igd.requests.size());
        }
    }

    @Test
    void aMappingAlreadyGoneCountsAsRemoved() throws Exception {
        try (StandInIgd igd = new StandInIgd(body -> StandInIgd.fault(714, "NoSuchEntryInArray"))) {
            router(igd).unmap(Transport.TCP, 6881);
        }
    }

    @Test
    void anAnswerLargerThanTheBoundIsCut() throws Exception {
        String flood = "<x>" + "a".repeat(UpnpRouter.MAX_ANSWER_BYTES) + "</x>";
        try (StandInIgd igd = new StandInIgd(body -> StandInIgd.ok("AddPortMapping", flood))) {
            IOException e = assertThrows(IOException.class, () -> router(igd).map(Transport.TCP, 6881, 3600));
            assertTrue(e.getMessage().contains("more than the 16.0 KiB allowed"), e.getMessage());
        }
    }

    @Test
    void anEntityBombIsRefused() throws Exception {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE s [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
                + "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>&b;</s:Body></s:Envelope>";
        try (StandInIgd igd = new StandInIgd(body -> bomb)) {
            IOException e = assertThrows(IOException.class, () -> router(igd).map(Transport.TCP, 6881, 3600));
            assertTrue(e.getMessage().contains("DTD"), e.getMessage());
        }
    }

    @Test
    void anExternalAddressThatIsNoLiteralIsNotLookedUp() throws Exception {
        try (StandInIgd igd = new StandInIgd(body -> body.contains("GetExternalIPAddress")
                ? StandInIgd.ok("GetExternalIPAddress", "<NewExternalIPAddress>evil.example</NewExternalIPAddress>")
                : StandInIgd.ok("AddPortMapping", ""))) {
            assertNull(router(igd).map(Transport.TCP, 6881, 3600).externalAddress());
        }
    }

    private static UpnpRouter router(StandInIgd igd) {
        return new UpnpRouter(new ControlPoint(igd.control(), SERVICE), (Inet4Address) InetAddress.getLoopbackAddress(),
                UpnpDiscovery.client());
    }
}
