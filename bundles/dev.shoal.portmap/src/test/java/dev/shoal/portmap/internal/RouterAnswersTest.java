package dev.shoal.portmap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What routers say, read strictly: one case per rule. */
class RouterAnswersTest {

    private static final URI LOCATION = URI.create("http://192.168.1.1:5000/rootDesc.xml");

    @Test
    void natPmpAnswersOfTheWrongLengthOpcodeOrResultAreRefused() {
        byte[] ok = ByteBuffer.allocate(16).put((byte) 0).put((byte) 130).putShort((short) 0).putInt(1)
                .putShort((short) 6881).putShort((short) 6881).putInt(7200).array();
        assertEquals(new Grant(6881, 7200, null, ""), assertDoesNotThrow(() -> NatPmpCodec.mapping(ok, 16, Transport.TCP, 6881)));
        assertRefused("15 bytes, not 16", () -> NatPmpCodec.mapping(ok, 15, Transport.TCP, 6881));
        assertRefused("opcode 130, not 129", () -> NatPmpCodec.mapping(ok, 16, Transport.UDP, 6881));
        assertRefused("internal port 6881, not 6882", () -> NatPmpCodec.mapping(ok, 16, Transport.TCP, 6882));
        byte[] refused = ok.clone();
        refused[3] = 2;
        assertRefused("answered 2 (not authorized or refused)", () -> NatPmpCodec.mapping(refused, 16, Transport.TCP, 6881));
    }

    @Test
    void pcpAnswersForAnotherNonceAreRefused() throws Exception {
        byte[] nonce = new byte[12];
        Inet4Address client = (Inet4Address) InetAddress.getByName("192.168.1.20");
        byte[] answer = PcpCodec.mapRequest(nonce, client, Transport.UDP, 6881, 6881, 600);
        answer[1] = (byte) 0x81; // the request turned into its answer: same layout after the header
        assertEquals(6881, PcpCodec.mapping(answer, answer.length, nonce, Transport.UDP, 6881).externalPort());
        byte[] other = new byte[12];
        other[0] = 1;
        assertRefused("another mapping", () -> PcpCodec.mapping(answer, answer.length, other, Transport.UDP, 6881));
        assertRefused("60", () -> PcpCodec.mapping(answer, 59, nonce, Transport.UDP, 6881));
        assertTrue(NatPmpCodec.isNatPmp(new byte[] {0, (byte) 129, 0, 1}, 4), "a NAT-PMP-only router's answer to PCP");
    }

    @Test
    void ssdpLocationsOnlyFromTheirSender() throws Exception {
        InetAddress sender = InetAddress.getByName("192.168.1.1");
        String answer = "HTTP/1.1 200 OK\r\nST: urn:schemas-upnp-org:device:InternetGatewayDevice:1\r\n"
                + "Location: http://192.168.1.1:5000/rootDesc.xml\r\n\r\n";
        assertEquals(LOCATION, Ssdp.location(answer, sender));
        assertNull(Ssdp.location(answer.replace("192.168.1.1:5000", "203.0.113.9"), sender), "elsewhere");
        assertNull(Ssdp.location(answer.replace("http:", "file:"), sender), "not http");
        assertNull(Ssdp.location(answer.replace("200 OK", "404 Not Found"), sender), "not 200");
    }

    @Test
    void theDescriptionsBestConnectionServiceOnItsOwnHost() throws Exception {
        String description = "<?xml version=\"1.0\"?><root xmlns=\"urn:schemas-upnp-org:device-1-0\"><device><serviceList>"
                + service("urn:schemas-upnp-org:service:WANPPPConnection:1", "/ctl/PPP")
                + service("urn:schemas-upnp-org:service:WANIPConnection:1", "ctl/IP")
                + "</serviceList></device></root>";
        ControlPoint control = IgdDescription.read(stream(description), LOCATION).orElseThrow();
        assertEquals(URI.create("http://192.168.1.1:5000/ctl/IP"), control.controlUrl());
        assertEquals("urn:schemas-upnp-org:service:WANIPConnection:1", control.serviceType());

        String elsewhere = description.replace("ctl/IP", "http://203.0.113.9/ctl");
        IgdDescription.InvalidDescriptionException e = assertThrows(IgdDescription.InvalidDescriptionException.class,
                () -> IgdDescription.read(stream(elsewhere), LOCATION));
        assertTrue(e.getMessage().contains("not on 192.168.1.1"), e.getMessage());
        assertTrue(IgdDescription.read(stream("<root><device/></root>"), LOCATION).isEmpty());
    }

    @Test
    void eachInterfacesDefaultGatewayAndAVpnsGuess() throws Exception {
        String table = """
                Iface	Destination	Gateway 	Flags	RefCnt	Use	Metric	Mask		MTU	Window	IRTT
                eth0	00000000	0101A8C0	0003	0	0	100	00000000	0	0	0
                eth0	0001A8C0	00000000	0001	0	0	100	00FFFFFF	0	0	0
                tun0	00000000	00000000	0001	0	0	0	00000080	0	0	0
                garbage line
                """;
        Inet4Address eth = (Inet4Address) InetAddress.getByName("192.168.1.20");
        Inet4Address tun = (Inet4Address) InetAddress.getByName("10.2.0.2");
        List<Gateway> found = Gateways.of(Routes.wide(table), List.of(new Gateways.Interface("eth0", eth, false),
                new Gateways.Interface("tun0", tun, true), new Gateways.Interface("eth1", eth, false)));
        assertEquals(List.of(new Gateway("eth0", eth, (Inet4Address) InetAddress.getByName("192.168.1.1"), false),
                new Gateway("tun0", tun, (Inet4Address) InetAddress.getByName("10.2.0.1"), true)), found);
    }

    @Test
    void onlyPublicAddressesAreOffered() throws Exception {
        for (String a : List.of("10.0.0.1", "192.168.1.1", "172.16.0.1", "100.64.1.1", "127.0.0.1", "0.0.0.0", "169.254.1.1")) {
            assertTrue(!PublicAddress.is(InetAddress.getByName(a)), a);
        }
        assertTrue(PublicAddress.is(InetAddress.getByName("11.22.33.44")));
    }

    private static String service(String type, String control) {
        return "<service><serviceType>" + type + "</serviceType><controlURL>" + control + "</controlURL></service>";
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static <T> T assertDoesNotThrow(org.junit.jupiter.api.function.ThrowingSupplier<T> s) {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(s);
    }

    private static void assertRefused(String part, org.junit.jupiter.api.function.Executable e) {
        RouterRefusedException thrown = assertThrows(RouterRefusedException.class, e);
        assertTrue(thrown.getMessage().contains(part), thrown.getMessage());
    }
}
