package dev.shoal.support.feed;

import dev.shoal.support.http.Links;
import java.net.URI;
import java.util.Locale;

/**
 * A link of an item: an RSS {@code <enclosure>} (rel "enclosure"), an RSS {@code <link>} (rel
 * "alternate") or an Atom {@code <link>} as written.
 *
 * @param href   the link as written
 * @param rel    the relation, lower case
 * @param type   the media type, lower case, "" when not given
 * @param length the length attribute, or -1
 */
public record FeedLink(String href, String rel, String type, long length) {

    public static final String TORRENT_TYPE = "application/x-bittorrent";

    public FeedLink {
        rel = rel == null || rel.isBlank() ? "alternate" : rel.strip().toLowerCase(Locale.ROOT);
        type = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
    }

    /** The link as a URI, or {@code null} when it is none. */
    public URI uri() {
        return Links.parse(href);
    }

    public boolean isEnclosure() {
        return rel.equals("enclosure");
    }

    /** Typed as a torrent file ({@code application/x-bittorrent}, parameters ignored). */
    public boolean isTorrentType() {
        return type.startsWith(TORRENT_TYPE);
    }
}
