package dev.shoal.dht.internal.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SecureIdsTest {

    /** BEP 42's own test vectors: each id is valid for its IP and for no other one of them. */
    @Test
    void bep42VectorsVerify() throws Exception {
        String[][] vectors = {
            {"124.31.75.21", "5fbfbff10c5d6a4ec8a88e4c6ab4c28b95eee401"},
            {"21.75.31.124", "5a3ce9c14e7a08645677bbd1cfe7d8f956d53256"},
            {"65.23.51.170", "a5d43220bc8f112a3d426c84764f8c2a1150e616"},
            {"84.124.73.14", "1b0321dd1bb1fe518101ceef99462b947a01ff41"},
            {"43.213.53.83", "e56f6cbf5b7c4be0237986d5243b87aa6d51305a"},
        };
        for (String[] v : vectors) {
            assertTrue(SecureIds.verify(NodeId.fromHex(v[1]), InetAddress.getByName(v[0])), v[0]);
        }
        assertFalse(SecureIds.verify(NodeId.fromHex(vectors[0][1]), InetAddress.getByName(vectors[1][0])));
    }

    @Test
    void generatedIdsVerifyForTheirAddressOnly() throws Exception {
        Random random = new Random(7);
        InetAddress v4 = InetAddress.getByName("81.2.3.4");
        InetAddress v6 = InetAddress.getByName("2001:db8:1234::5");
        for (int i = 0; i < 50; i++) {
            assertTrue(SecureIds.verify(SecureIds.generate(v4, random), v4));
            assertTrue(SecureIds.verify(SecureIds.generate(v6, random), v6));
        }
        int foreign = 0;
        for (int i = 0; i < 50; i++) {
            foreign += SecureIds.verify(SecureIds.generate(v4, random), InetAddress.getByName("9.9.9.9")) ? 1 : 0;
        }
        assertEquals(0, foreign);
    }

    @Test
    void localAddressesAreNeverChecked() throws Exception {
        NodeId any = NodeId.random(new Random(1));
        for (String local : new String[] {"127.0.0.1", "10.1.2.3", "192.168.1.1", "172.16.5.5", "169.254.1.1",
                "100.64.0.1", "::1", "fd00::1"}) {
            assertTrue(SecureIds.verify(any, InetAddress.getByName(local)), local);
        }
        assertFalse(SecureIds.isLocal(InetAddress.getByName("8.8.8.8")));
    }
}
