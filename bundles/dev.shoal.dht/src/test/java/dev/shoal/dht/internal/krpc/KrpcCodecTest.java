package dev.shoal.dht.internal.krpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.dht.internal.routing.NodeId;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KrpcCodecTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void readsBep5sExamples() throws Exception {
        Message.Query ping = assertInstanceOf(Message.Query.class,
                KrpcCodec.decode(b("d1:ad2:id20:abcdefghij0123456789e1:q4:ping1:t2:aa1:y1:qe")));
        assertEquals("ping", ping.method());
        assertEquals(NodeId.of(b("abcdefghij0123456789")), ping.id());
        Message.Response values = assertInstanceOf(Message.Response.class, KrpcCodec.decode(
                b("d1:rd2:id20:abcdefghij01234567895:token8:aoeusnth6:valuesl6:axje.u6:idhtnmee1:t2:aa1:y1:re")));
        assertEquals(2, values.values().size());
        assertEquals("aoeusnth", new String(values.token(), StandardCharsets.ISO_8859_1));
        Message.Error error = assertInstanceOf(Message.Error.class,
                KrpcCodec.decode(b("d1:eli201e23:A Generic Error Ocurrede1:t2:aa1:y1:ee")));
        assertEquals(201, error.code());
    }

    @Test
    void roundTripsEveryFieldWeWrite() throws Exception {
        Random r = new Random(1);
        NodeId id = NodeId.random(r);
        CompactNode n4 = new CompactNode(NodeId.random(r), new InetSocketAddress("1.2.3.4", 6881));
        CompactNode n6 = new CompactNode(NodeId.random(r), new InetSocketAddress("2001:db8::1", 6882));
        Message.Response out = new Message.Response(new byte[] {7, 7}, id, List.of(n4), List.of(n6),
                // get_peers values of both families: 6 and 18 bytes (BEP 32), one list
                List.of(new InetSocketAddress("5.6.7.8", 9), new InetSocketAddress("2001:db8::9", 51413)),
                new byte[] {1, 2}, new InetSocketAddress("9.9.9.9", 1));
        Message.Response in = (Message.Response) KrpcCodec.decode(KrpcCodec.encode(out));
        assertEquals(List.of(n4), in.nodes());
        assertEquals(List.of(n6), in.nodes6());
        assertEquals(out.values(), in.values());
        assertEquals(out.requester(), in.requester());
        Message.Query q = (Message.Query) KrpcCodec.decode(KrpcCodec.encode(
                Message.Query.findNode(new byte[] {1}, id, id, Set.of(Message.Want.N4, Message.Want.N6))));
        assertEquals(Set.of(Message.Want.N4, Message.Want.N6), q.want());
    }

    @Test
    void refusesEachMalformedShapeWithOneLine() {
        String[] bad = {
            "le",                                                  // not a dictionary
            "d1:y1:qe",                                            // no transaction id
            "d1:t2:aa1:y1:xe",                                     // unknown type
            "d1:ad2:id3:abce1:q4:ping1:t2:aa1:y1:qe",               // short id
            "d1:q4:ping1:t2:aa1:y1:qe",                            // no arguments
            "d1:rd2:id20:abcdefghij01234567895:nodes5:abcdee1:t2:aa1:y1:re", // nodes not a multiple of 26
            "d1:t17:aaaaaaaaaaaaaaaaa1:y1:qe",                     // transaction id too long
            "d1:ad2:id20:abcdefghij01234567894:porti70000ee1:q13:announce_peer1:t2:aa1:y1:qe",
            "d1:ad1:ad1:ad1:ad1:aleeeeee1:q4:ping1:t2:aa1:y1:qe",  // too deep
        };
        for (String s : bad) {
            KrpcException e = assertThrows(KrpcException.class, () -> KrpcCodec.decode(b(s)), s);
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
        assertThrows(KrpcException.class, () -> KrpcCodec.decode(new byte[KrpcCodec.MAX_DATAGRAM + 1]));
    }
}
