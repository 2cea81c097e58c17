package dev.shoal.support.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Links as feeds write them, which is not always as {@link URI} wants them: brackets and spaces in
 * a torrent site's query ({@code ?title=[site] name}) are percent-encoded here instead of losing
 * the item.
 */
public final class Links {

    /** As long as a link may be; longer ones are refused, not cut. */
    public static final int MAX_LENGTH = 8_192;

    private static final String ALLOWED = "-._~:/?#[]@!$&'()*+,;=%";

    private Links() {
    }

    /** The link, or {@code null} when there is none or it cannot be made a URI. */
    public static URI parse(String text) {
        if (text == null) {
            return null;
        }
        String link = text.strip();
        if (link.isEmpty() || link.length() > MAX_LENGTH) {
            return null;
        }
        try {
            return new URI(link);
        } catch (URISyntaxException e) {
            try {
                return new URI(encodeIllegal(link));
            } catch (URISyntaxException still) {
                return null;
            }
        }
    }

    /** The scheme in lower case, or "" when there is none. */
    public static String scheme(URI uri) {
        return uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }

    public static boolean isMagnet(URI uri) {
        return scheme(uri).equals("magnet");
    }

    /** Whether the path (not the query) names a {@code .torrent} file. */
    public static boolean pathEndsWithTorrent(URI uri) {
        String path = uri == null ? null : uri.getPath();
        return path != null && path.toLowerCase(Locale.ROOT).endsWith(".torrent");
    }

    /** At most 80 characters, for messages. */
    public static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    /**
     * Percent-encodes what a URI may not hold. '[' and ']' are encoded too, except in an IPv6
     * host, so a query like {@code ?title=[site]} parses.
     */
    private static String encodeIllegal(String link) {
        int hostEnd = hostEnd(link);
        StringBuilder out = new StringBuilder(link.length() + 16);
        for (int i = 0; i < link.length(); i++) {
            char c = link.charAt(i);
            boolean bracketOutsideHost = (c == '[' || c == ']') && i >= hostEnd;
            if (c < 0x80 && !bracketOutsideHost && (Character.isLetterOrDigit(c) || ALLOWED.indexOf(c) >= 0)) {
                out.append(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < link.length() ? i + 2 : i + 1;
                for (byte b : link.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
                }
                i = end - 1;
            }
        }
        return out.toString();
    }

    /** Where the authority ends ("scheme://host:port"), 0 when there is none. */
    private static int hostEnd(String link) {
        int start = link.indexOf("://");
        if (start < 0) {
            return 0;
        }
        for (int i = start + 3; i < link.length(); i++) {
            char c = link.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return link.length();
    }
}
