package dev.shoal.support.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One RSS {@code <item>} or Atom {@code <entry>} as {@link FeedReader} found it, uninterpreted:
 * Torznab and plain feeds read different things out of the same elements. Elements of other
 * namespaces ({@code nyaa:seeders}, {@code torrent:infoHash}, ezRSS's nested {@code <torrent>})
 * and RSS elements with no meaning of their own ({@code <size>}) are kept by local name, lower
 * case, because sites copy each other's element names under differing namespace URIs.
 */
public final class FeedItem {

    /** Bounds on what one item may hold, whatever the feed sends. */
    static final int MAX_LINKS = 64;
    static final int MAX_FIELDS = 256;

    String title;
    String link;
    String guid;
    boolean guidIsPermaLink;
    String comments;
    String pubDate;
    String published;
    String updated;
    final List<FeedLink> links = new ArrayList<>();
    final List<String> categories = new ArrayList<>();
    final Map<String, String> extensions = new HashMap<>();
    final Map<String, List<String>> attrs = new HashMap<>();
    private int fields;

    FeedItem() {
    }

    /** The title as written, or {@code null}. */
    public String title() {
        return title;
    }

    /** RSS {@code <link>}'s text, or {@code null}; Atom links are in {@link #links()}. */
    public String link() {
        return link;
    }

    /** RSS {@code <guid>} or Atom {@code <id>}, or {@code null}. */
    public String guid() {
        return guid;
    }

    /** Whether the guid is a URL to the item's page (RSS's default, never for Atom ids). */
    public boolean guidIsPermaLink() {
        return guidIsPermaLink;
    }

    /** RSS {@code <comments>}: the index's page about it, usually. */
    public String comments() {
        return comments;
    }

    /** Enclosures and Atom links, in document order. */
    public List<FeedLink> links() {
        return List.copyOf(links);
    }

    /** RSS {@code <category>} texts and Atom {@code <category term>}s. */
    public List<String> categories() {
        return List.copyOf(categories);
    }

    /** The first non-blank of these extension elements (local names, any case), or {@code null}. */
    public String extension(String... names) {
        for (String name : names) {
            String value = extensions.get(name.toLowerCase(Locale.ROOT));
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** The first Torznab/Newznab {@code <attr name= value=>} of that name, or {@code null}. */
    public String attr(String name) {
        List<String> values = attrs(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** Every such attr's value, in document order. */
    public List<String> attrs(String name) {
        return List.copyOf(attrs.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
    }

    /** When it was published: RSS pubDate, Atom published, Atom updated, dc:date; {@code null} if none reads. */
    public Instant date() {
        for (String text : new String[] {pubDate, published, updated, extension("date")}) {
            Instant date = Dates.parse(text);
            if (date != null) {
                return date;
            }
        }
        return null;
    }

    /** False once the item holds as many fields as it may; more are dropped. */
    boolean room() {
        return fields++ < MAX_FIELDS;
    }
}
