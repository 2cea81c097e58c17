package dev.shoal.lsd.internal;

import dev.shoal.metainfo.InfoHash;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * BEP 14's {@code BT-SEARCH} message, written and read. Writing batches several info-hashes into one
 * message up to {@link #MAX_MESSAGE} bytes (BEP 14: "should not exceed 1400 bytes" to stay in one
 * unfragmented datagram). Reading is strict and bounded: the datagram's size, its line and header
 * counts and each line's length are checked before anything is kept, and a message breaking a rule
 * is refused whole with the rule in one line.
 */
final class AnnouncementCodec {

    /** The largest message we send, and accept (BEP 14's bound for multi-hash announces). */
    static final int MAX_MESSAGE = 1400;
    /** Header lines a message may carry: 26 info-hashes fill 1400 bytes, plus Host, Port, cookie and a few unknown. */
    static final int MAX_HEADERS = 40;
    /** Longer than any header we read (an Infohash line is 50 bytes); unknown long ones are refused too. */
    static final int MAX_LINE = 256;
    /** The longest cookie we keep; ours is 8 hex digits. */
    static final int MAX_COOKIE = 64;

    static final String REQUEST_LINE = "BT-SEARCH * HTTP/1.1";
    static final String HOST_V4 = "239.192.152.143:6771";
    static final String HOST_V6 = "[ff15::efc0:988f]:6771";

    private static final String CRLF = "\r\n";
    private static final HexFormat HEX = HexFormat.of();

    private AnnouncementCodec() {
    }

    /**
     * The messages announcing {@code hashes} (20-byte each) at {@code port}: as few as fit
     * {@link #MAX_MESSAGE} bytes each, every hash in exactly one.
     */
    static List<byte[]> encode(String host, int port, List<InfoHash> hashes, String cookie) {
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
        String head = REQUEST_LINE + CRLF + "Host: " + host + CRLF + "Port: " + port + CRLF;
        String tail = "cookie: " + cookie + CRLF + CRLF + CRLF;
        List<byte[]> messages = new ArrayList<>();
        StringBuilder message = new StringBuilder(head);
        int hashesIn = 0;
        for (InfoHash hash : hashes) {
            if (hash.bytes().length != InfoHash.V1_LENGTH) {
                throw new IllegalArgumentException("LSD announces 20-byte info-hashes: " + hash.hex());
            }
            String line = "Infohash: " + hash.hex() + CRLF;
            if (hashesIn > 0 && message.length() + line.length() + tail.length() > MAX_MESSAGE) {
                messages.add(message.append(tail).toString().getBytes(StandardCharsets.US_ASCII));
                message = new StringBuilder(head);
                hashesIn = 0;
            }
            message.append(line);
            hashesIn++;
        }
        if (hashesIn > 0) {
            messages.add(message.append(tail).toString().getBytes(StandardCharsets.US_ASCII));
        }
        return messages;
    }

    /**
     * Reads one datagram's {@link ByteBuffer#remaining() remaining} bytes. Header names are matched
     * without regard to case (HTTP); values lose surrounding blanks; unknown headers are skipped but
     * counted; after the blank line ending the headers only further blank lines may follow.
     */
    static Announcement decode(ByteBuffer datagram) throws MalformedAnnouncementException {
        int length = datagram.remaining();
        if (length > MAX_MESSAGE) {
            throw new MalformedAnnouncementException("longer than " + MAX_MESSAGE + " bytes: " + length);
        }
        byte[] bytes = new byte[length];
        datagram.get(bytes);
        for (byte b : bytes) {
            if (b < 0 || (b < 0x20 && b != '\r' && b != '\n' && b != '\t') || b == 0x7F) {
                throw new MalformedAnnouncementException("a byte that is not printable ASCII: 0x"
                        + HEX.toHexDigits(b));
            }
        }
        String text = new String(bytes, StandardCharsets.US_ASCII);
        int end = text.indexOf(CRLF + CRLF);
        if (end < 0) {
            throw new MalformedAnnouncementException("no blank line ending the headers");
        }
        String rest = text.substring(end + 4);
        if (!rest.replace(CRLF, "").isEmpty()) {
            throw new MalformedAnnouncementException("something other than blank lines after the headers");
        }
        String[] lines = text.substring(0, end).split(CRLF, -1);
        if (!lines[0].equals(REQUEST_LINE)) {
            throw new MalformedAnnouncementException("not a BT-SEARCH request line: " + shorten(lines[0]));
        }
        if (lines.length - 1 > MAX_HEADERS) {
            throw new MalformedAnnouncementException("more than " + MAX_HEADERS + " headers: " + (lines.length - 1));
        }
        Headers headers = new Headers();
        for (int i = 1; i < lines.length; i++) {
            headers.read(lines[i]);
        }
        return headers.announcement();
    }

    /** What the header lines said so far. */
    private static final class Headers {
        private String host;
        private String port;
        private String cookie;
        private final Set<InfoHash> hashes = new LinkedHashSet<>();

        void read(String line) throws MalformedAnnouncementException {
            if (line.length() > MAX_LINE) {
                throw new MalformedAnnouncementException("a header line longer than " + MAX_LINE + " characters");
            }
            if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
                throw new MalformedAnnouncementException("a bare CR or LF in a header: " + shorten(line));
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedAnnouncementException("a header line without a name and a colon: " + shorten(line));
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (name) {
                case "host" -> host = once(host, value, "Host");
                case "port" -> port = once(port, value, "Port");
                case "cookie" -> cookie = once(cookie, value, "cookie");
                case "infohash" -> hashes.add(infoHash(value));
                default -> {
                    if (name.isBlank() || !name.chars().allMatch(AnnouncementCodec::isTokenChar)) {
                        throw new MalformedAnnouncementException("a header name that is not a token: " + shorten(line));
                    }
                }
            }
        }

        Announcement announcement() throws MalformedAnnouncementException {
            if (host == null) {
                throw new MalformedAnnouncementException("no Host header");
            }
            if (port == null) {
                throw new MalformedAnnouncementException("no Port header");
            }
            if (hashes.isEmpty()) {
                throw new MalformedAnnouncementException("no Infohash header");
            }
            if (cookie != null && cookie.length() > MAX_COOKIE) {
                throw new MalformedAnnouncementException("a cookie longer than " + MAX_COOKIE + " characters");
            }
            return new Announcement(port(port), List.copyOf(hashes), cookie);
        }

        private static String once(String earlier, String value, String name) throws MalformedAnnouncementException {
            if (earlier != null) {
                throw new MalformedAnnouncementException("more than one " + name + " header");
            }
            return value;
        }
    }

    private static int port(String value) throws MalformedAnnouncementException {
        if (value.isEmpty() || value.length() > 5 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new MalformedAnnouncementException("a Port that is not 1 to 5 decimal digits: " + shorten(value));
        }
        int port = Integer.parseInt(value);
        if (port < 1 || port > 0xFFFF) {
            throw new MalformedAnnouncementException("a Port outside 1..65535: " + port);
        }
        return port;
    }

    private static InfoHash infoHash(String value) throws MalformedAnnouncementException {
        if (value.length() != 2 * InfoHash.V1_LENGTH || !value.chars().allMatch(HexFormat::isHexDigit)) {
            throw new MalformedAnnouncementException("an Infohash that is not 40 hex digits: " + shorten(value));
        }
        return InfoHash.v1(HEX.parseHex(value));
    }

    /** RFC 9110's tchar. */
    private static boolean isTokenChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /** Quoted, control characters escaped (the error stays one line), at most 48 characters of it. */
    private static String shorten(String text) {
        String escaped = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        return escaped.length() <= 48 ? "'" + escaped + "'" : "'" + escaped.substring(0, 48) + "...'";
    }
}
