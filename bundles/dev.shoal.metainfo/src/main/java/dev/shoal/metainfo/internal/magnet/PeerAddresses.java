package dev.shoal.metainfo.internal.magnet;

import dev.shoal.metainfo.MagnetLink.PeerAddress;
import dev.shoal.metainfo.internal.text.Quote;

/**
 * Reads {@code host:port}. Nothing is resolved here: a link is data, and looking names up while
 * parsing would leak it to the DNS server before the user decided to start anything.
 */
public final class PeerAddresses {

    private PeerAddresses() {
    }

    public static PeerAddress parse(String text) {
        String host;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != ':') {
                throw new IllegalArgumentException(Quote.of(text) + " needs the form [address]:port");
            }
            host = text.substring(1, close);
            port = text.substring(close + 2);
            if (host.indexOf(':') < 0) {
                throw new IllegalArgumentException(Quote.of(text) + " has brackets around something not IPv6");
            }
        } else {
            int colon = text.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(Quote.of(text) + " has no port");
            }
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
            if (host.indexOf(':') >= 0) {
                throw new IllegalArgumentException(Quote.of(text) + " is an IPv6 address without brackets");
            }
        }
        return new PeerAddress(host, port(port, text));
    }

    /** A host name, IPv4 address or (bracket-less) IPv6 address, checked only for its characters. */
    public static void checkHost(String host) {
        if (host.isEmpty() || host.length() > 253) {
            throw new IllegalArgumentException("host " + Quote.of(host) + " is empty or too long");
        }
        boolean ipv6 = host.indexOf(':') >= 0;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean ok = ipv6 ? isHexDigit(c) || c == ':' || c == '.'
                    : Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_';
            if (!ok) {
                throw new IllegalArgumentException("host " + Quote.of(host) + " holds " + Quote.of(String.valueOf(c)));
            }
        }
    }

    private static int port(String digits, String text) {
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(Quote.of(text) + " has no valid port");
        }
        int port = Integer.parseInt(digits);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(Quote.of(text) + " has port " + port + ", outside 1..65535");
        }
        return port;
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
