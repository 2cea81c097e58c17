package dev.shoal.peer.internal.mse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Our RC4 against RFC 6229's keystream and against JCE's ARCFOUR on random data, in pieces. */
class Rc4Test {

    private final Random random = new Random(6229);

    /**
     * RFC 6229, section 2, the 40-bit key 0x0102030405: the keystream at offsets 1024 and beyond
     * (an {@link Rc4} has discarded the first 1024 bytes, so its offset 0 is the RFC's 1024).
     */
    @Test
    void keystreamIsRfc6229s() {
        String[][] vectors = {
            {"0400", "30abbcc7c20b01609f23ee2d5f6bb7df"},
            {"05f0", "3294f744d8f9790507e70f62e5bbceea"},
            {"0600", "d8729db41882259bee4f825325f5a130"},
            {"07f0", "1eb14a0c13b3bf47fa2a0ba93ad45b8b"},
            {"0800", "cc582f8ba9f265e2b1be9112e975d2d7"},
            {"0bf0", "f2e30f9bd102ecbf75aaade9bc35c43c"},
            {"0c00", "ec0e11c479dc329dc8da7968fe965681"},
            {"0ff0", "068326a2118416d21f9d04b2cd1ca050"},
            {"1000", "ff25b58995996707e51fbdf08b34d875"},
        };
        HexFormat hex = HexFormat.of();
        byte[] stream = new byte[0x1010 - 1024];
        new Rc4(hex.parseHex("0102030405")).apply(stream, 0, stream.length);
        for (String[] vector : vectors) {
            int at = Integer.parseInt(vector[0], 16) - 1024;
            assertEquals(vector[1], hex.formatHex(Arrays.copyOfRange(stream, at, at + 16)), "offset " + vector[0]);
        }
    }

    @Test
    void matchesJceOnRandomDataInRandomPieces() throws Exception {
        for (int round = 0; round < 20; round++) {
            byte[] key = new byte[5 + random.nextInt(32)]; // JCE takes 40 to 1024 bits
            random.nextBytes(key);
            byte[] data = new byte[random.nextInt(200_000)];
            random.nextBytes(data);
            byte[] expected = jce(key, data);

            Rc4 ours = new Rc4(key);
            byte[] heap = data.clone();
            ByteBuffer direct = ByteBuffer.allocateDirect(data.length + 64);
            for (int at = 0; at < data.length; ) {
                int length = Math.min(data.length - at, random.nextInt(3) == 0 ? random.nextInt(40_000) : random.nextInt(100));
                if (random.nextBoolean()) {
                    ours.apply(heap, at, length);
                } else {
                    // A direct buffer's window from position to limit, the bytes outside untouched.
                    direct.clear().position(7).put(heap, at, length).flip().position(7);
                    ours.apply(direct);
                    assertEquals(7, direct.position());
                    assertEquals(7 + length, direct.limit());
                    direct.get(heap, at, length);
                }
                at += length;
            }
            assertArrayEquals(expected, heap, "key " + HexFormat.of().formatHex(key) + ", " + data.length + " bytes");
        }
    }

    @Test
    void appliedTwiceIsTheIdentity() {
        byte[] key = new byte[20];
        random.nextBytes(key);
        byte[] data = new byte[5000];
        random.nextBytes(data);
        byte[] ciphered = new Rc4(key).apply(data);
        assertArrayEquals(data, new Rc4(key).apply(ciphered));
    }

    @Test
    void refusesAnEmptyOrOverlongKey() {
        assertThrows(IllegalArgumentException.class, () -> new Rc4(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new Rc4(new byte[257]));
    }

    private static byte[] jce(byte[] key, byte[] data) throws Exception {
        Cipher cipher = Cipher.getInstance("ARCFOUR");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ARCFOUR"));
        cipher.update(new byte[1024]);
        return cipher.update(data);
    }
}
