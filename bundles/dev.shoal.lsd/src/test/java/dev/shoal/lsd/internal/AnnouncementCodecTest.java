package dev.shoal.lsd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.InfoHash;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnnouncementCodecTest {

    private static final String HASH = "0123456789abcdef0123456789abcdef01234567";
    private static final String HEAD = "BT-SEARCH * HTTP/1.1\r\nHost: 239.192.152.143:6771\r\n";

    private static InfoHash hash(int i) {
        byte[] bytes = new byte[20];
        bytes[0] = (byte) (i >> 8);
        bytes[1] = (byte) i;
        return InfoHash.v1(bytes);
    }

    private static Announcement decode(String text) throws MalformedAnnouncementException {
        return AnnouncementCodec.decode(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static String rejected(String text) {
        return assertThrows(MalformedAnnouncementException.class, () -> decode(text)).getMessage();
    }

    @Test
    void oneHashRoundTrips() throws Exception {
        List<byte[]> messages = AnnouncementCodec.encode(AnnouncementCodec.HOST_V4, 6881, List.of(hash(1)), "1a2b3c4d");
        assertEquals(1, messages.size());
        String text = new String(messages.get(0), StandardCharsets.US_ASCII);
        assertEquals(HEAD + "Port: 6881\r\nInfohash: " + hash(1).hex() + "\r\ncookie: 1a2b3c4d\r\n\r\n\r\n", text);
        Announcement back = AnnouncementCodec.decode(ByteBuffer.wrap(messages.get(0)));
        assertEquals(new Announcement(6881, List.of(hash(1)), "1a2b3c4d"), back);
    }

    @Test
    void manyHashesAreBatchedUnder1400BytesEachOnce() throws Exception {
        List<InfoHash> hashes = IntStream.range(0, 100).mapToObj(AnnouncementCodecTest::hash).toList();
        List<byte[]> messages = AnnouncementCodec.encode(AnnouncementCodec.HOST_V6, 65535, hashes, "ffffffff");
        List<InfoHash> heard = new ArrayList<>();
        for (byte[] message : messages) {
            assertTrue(message.length <= AnnouncementCodec.MAX_MESSAGE, () -> "a message of " + message.length);
            Announcement announcement = AnnouncementCodec.decode(ByteBuffer.wrap(message));
            assertEquals(65535, announcement.port());
            heard.addAll(announcement.infoHashes());
        }
        assertEquals(hashes, heard);
        assertEquals(4, messages.size(), "100 hashes of 52 bytes a line take 4 messages of at most 1400 bytes");
    }

    @Test
    void libtorrentsMessageWithAnUpperCaseHashAndOtherHeadersIsRead() throws Exception {
        Announcement a = decode(HEAD + "port: 51413\r\nX-Extra: whatever\r\nINFOHASH: " + HASH.toUpperCase()
                + "\r\nInfohash: " + HASH + "\r\ncookie: 7f00\r\n\r\n\r\n");
        assertEquals(51413, a.port());
        assertEquals(List.of(InfoHash.fromHex(HASH)), a.infoHashes(), "a repeated hash counts once");
        assertEquals("7f00", a.cookie());
        assertNull(decode(HEAD + "Port: 1\r\nInfohash: " + HASH + "\r\n\r\n").cookie(), "the cookie is optional");
    }

    @Test
    void oversizedIsRefusedBeforeParsing() {
        String padding = "X-Pad: " + "a".repeat(200) + "\r\n";
        String text = HEAD + "Port: 1\r\nInfohash: " + HASH + "\r\n" + padding.repeat(7) + "\r\n";
        assertTrue(text.length() > 1400);
        assertTrue(rejected(text).startsWith("longer than 1400 bytes"));
    }

    @Test
    void tooManyHeadersAreRefused() {
        String text = HEAD + "Port: 1\r\nInfohash: " + HASH + "\r\n" + "X: y\r\n".repeat(40) + "\r\n";
        assertTrue(rejected(text).startsWith("more than 40 headers"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Port: 6881\\r\\nInfohash: HASH\\r\\n\\r\\n | no Host header",
        "Host: h\\r\\nInfohash: HASH\\r\\n\\r\\n | no Port header",
        "Host: h\\r\\nPort: 6881\\r\\n\\r\\n | no Infohash header",
        "Host: h\\r\\nPort: 6881\\r\\nInfohash: HASH\\r\\n | no blank line ending the headers",
        "Host: h\\r\\nPort: 0\\r\\nInfohash: HASH\\r\\n\\r\\n | a Port outside 1..65535: 0",
        "Host: h\\r\\nPort: 65536\\r\\nInfohash: HASH\\r\\n\\r\\n | a Port outside 1..65535: 65536",
        "Host: h\\r\\nPort: -1\\r\\nInfohash: HASH\\r\\n\\r\\n | a Port that is not 1 to 5 decimal digits: '-1'",
        "Host: h\\r\\nPort: 68a1\\r\\nInfohash: HASH\\r\\n\\r\\n | a Port that is not 1 to 5 decimal digits: '68a1'",
        "Host: h\\r\\nPort: 000006881\\r\\nInfohash: HASH\\r\\n\\r\\n | a Port that is not 1 to 5 decimal digits: '000006881'",
        "Host: h\\r\\nPort: 1\\r\\nPort: 2\\r\\nInfohash: HASH\\r\\n\\r\\n | more than one Port header",
        "Host: h\\r\\nPort: 1\\r\\nInfohash: 0123456789abcdef0123456789abcdef0123456\\r\\n\\r\\n | an Infohash that is not 40 hex digits: '0123456789abcdef0123456789abcdef0123456'",
        "Host: h\\r\\nPort: 1\\r\\nInfohash: 0123456789abcdef0123456789abcdef0123456g\\r\\n\\r\\n | an Infohash that is not 40 hex digits: '0123456789abcdef0123456789abcdef0123456g'",
        "Host: h\\r\\nPort: 1\\r\\nInfohash: HASHHASH\\r\\n\\r\\n | an Infohash that is not 40 hex digits: '0123456789abcdef0123456789abcdef0123456701234567...'",
        "Host: h\\r\\nPort 1\\r\\nInfohash: HASH\\r\\n\\r\\n | a header line without a name and a colon: 'Port 1'",
        "Host: h\\r\\nPort: 1\\nInfohash: HASH\\r\\n\\r\\n | a bare CR or LF in a header: 'Port: 1\\nInfohash: 0123456789abcdef0123456789abc...'",
        "Host: h\\r\\nPort: 1\\r\\nInfohash: HASH\\r\\n\\r\\ntrailing | something other than blank lines after the headers",
        "Host: h\\r\\nBad Name: 1\\r\\nPort: 1\\r\\nInfohash: HASH\\r\\n\\r\\n | a header name that is not a token: 'Bad Name: 1'",
    })
    void badHeadersAreRefusedWithTheirRule(String headers, String reason) {
        String text = "BT-SEARCH * HTTP/1.1\r\n" + headers.replace("\\r", "\r").replace("\\n", "\n").replace("HASH", HASH);
        assertEquals(reason, rejected(text), "one line, control characters escaped");
    }

    @Test
    void otherRequestsAndNonAsciiAreRefused() {
        assertEquals("not a BT-SEARCH request line: 'M-SEARCH * HTTP/1.1'",
                rejected("M-SEARCH * HTTP/1.1\r\nHost: h\r\nPort: 1\r\nInfohash: " + HASH + "\r\n\r\n"));
        assertEquals("a byte that is not printable ASCII: 0xe9",
                rejected(HEAD + "Port: 1\r\nX-Name: caf\u00e9\r\nInfohash: " + HASH + "\r\n\r\n"));
        assertEquals("a byte that is not printable ASCII: 0x00", rejected(HEAD + "Port: 1\u0000\r\n\r\n"));
        assertEquals("no blank line ending the headers", rejected(""));
        assertEquals("a cookie longer than 64 characters",
                rejected(HEAD + "Port: 1\r\nInfohash: " + HASH + "\r\ncookie: " + "c".repeat(65) + "\r\n\r\n"));
    }

    @Test
    void encodingRefusesWhatItCannotSay() {
        assertThrows(IllegalArgumentException.class,
                () -> AnnouncementCodec.encode(AnnouncementCodec.HOST_V4, 0, List.of(hash(1)), "c"));
        assertThrows(IllegalArgumentException.class, () -> AnnouncementCodec.encode(AnnouncementCodec.HOST_V4, 1,
                List.of(InfoHash.v2(new byte[32])), "c"));
        assertTrue(AnnouncementCodec.encode(AnnouncementCodec.HOST_V4, 1, List.of(), "c").isEmpty());
    }
}
