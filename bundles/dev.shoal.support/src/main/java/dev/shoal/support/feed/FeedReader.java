package dev.shoal.support.feed;

import dev.shoal.support.http.HttpFetcher;
import dev.shoal.support.http.Links;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams the items out of an RSS 2.0, RSS 1.0 (RDF) or Atom document, one {@link FeedItem} at a
 * time, so a caller can deliver each as it comes and stop at any point; a Torznab
 * {@code <error>} document becomes an {@link IndexerError}.
 */
public final class FeedReader {

    public static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final Set<String> RSS_NAMESPACES = Set.of("", "http://purl.org/rss/1.0/",
            "http://my.netscape.com/rdf/simple/0.9/");
    private static final Set<String> ROOTS = Set.of("rss", "rdf", "feed");
    private static final int MAX_NESTING = 8;

    /** Takes the items. */
    @FunctionalInterface
    public interface ItemHandler {
        /** Returns false to stop reading. */
        boolean item(FeedItem item);
    }

    private FeedReader() {
    }

    /**
     * Reads the document from the start, handing each item to {@code handler} until it returns
     * false or the document ends.
     *
     * @throws IndexerError        when the document is an {@code <error>}
     * @throws XMLStreamException  when it is malformed ({@link SafeXml.RefusedXml} when it is no feed)
     */
    public static void read(XMLStreamReader reader, ItemHandler handler) throws XMLStreamException, IndexerError {
        String root = SafeXml.root(reader);
        checkError(reader);
        if (!ROOTS.contains(root.toLowerCase(Locale.ROOT))) {
            throw new SafeXml.RefusedXml("it is no RSS or Atom feed (its root element is <" + Links.abbreviate(root) + ">)",
                    reader.getLocation());
        }
        while (reader.hasNext()) {
            int event = SafeXml.next(reader);
            if (event == XMLStreamConstants.START_ELEMENT && isItem(reader)) {
                if (!handler.item(item(reader))) {
                    return;
                }
            }
        }
    }

    /**
     * Throws the {@link IndexerError} when the reader is on an {@code <error>} element, Torznab's and
     * Newznab's way to say no (with HTTP 200 from Jackett, 4xx from others).
     */
    public static void checkError(XMLStreamReader reader) throws IndexerError {
        if (reader.getLocalName().equals("error")) {
            String code = SafeXml.attribute(reader, "code");
            String description = SafeXml.attribute(reader, "description");
            throw new IndexerError(code == null ? "?" : HttpFetcher.oneLine(code),
                    description == null || description.isBlank() ? "(no description)" : HttpFetcher.oneLine(description));
        }
    }

    private static boolean isItem(XMLStreamReader reader) {
        String ns = namespace(reader);
        String name = reader.getLocalName();
        return name.equals("item") && RSS_NAMESPACES.contains(ns) || name.equals("entry") && ns.equals(ATOM);
    }

    private static String namespace(XMLStreamReader reader) {
        return reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
    }

    /** Reads the item the reader is on, up to its end. */
    private static FeedItem item(XMLStreamReader reader) throws XMLStreamException {
        boolean atom = namespace(reader).equals(ATOM);
        String itemNamespace = namespace(reader);
        FeedItem item = new FeedItem();
        while (true) {
            int event = SafeXml.next(reader);
            if (event == XMLStreamConstants.END_ELEMENT) {
                return item;
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("the document ends inside an item", reader.getLocation());
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String ns = namespace(reader);
            if (!item.room()) {
                SafeXml.skip(reader);
            } else if (ns.equals(itemNamespace) || ns.isEmpty()) {
                core(reader, item, atom);
            } else if (ns.equals(ATOM) && reader.getLocalName().equals("link")) {
                atomLink(reader, item);
            } else if (reader.getLocalName().equals("attr")) {
                attr(reader, item);
            } else {
                extension(reader, item, 0);
            }
        }
    }

    /** An element of the item's own vocabulary (RSS or Atom). */
    private static void core(XMLStreamReader reader, FeedItem item, boolean atom) throws XMLStreamException {
        switch (reader.getLocalName()) {
            case "title" -> item.title = SafeXml.text(reader);
            case "link" -> {
                if (atom) {
                    atomLink(reader, item);
                } else {
                    item.link = SafeXml.text(reader);
                }
            }
            case "enclosure" -> {
                if (item.links.size() < FeedItem.MAX_LINKS) {
                    item.links.add(new FeedLink(SafeXml.attribute(reader, "url"), "enclosure",
                            SafeXml.attribute(reader, "type"), FeedNumbers.count(SafeXml.attribute(reader, "length"))));
                }
                SafeXml.skip(reader);
            }
            case "guid" -> {
                String permaLink = SafeXml.attribute(reader, "isPermaLink");
                item.guidIsPermaLink = permaLink == null || permaLink.equalsIgnoreCase("true");
                item.guid = SafeXml.text(reader);
            }
            case "id" -> {
                item.guidIsPermaLink = false;
                item.guid = SafeXml.text(reader);
            }
            case "comments" -> item.comments = SafeXml.text(reader);
            case "pubDate" -> item.pubDate = SafeXml.text(reader);
            case "published" -> item.published = SafeXml.text(reader);
            case "updated" -> item.updated = SafeXml.text(reader);
            case "category" -> {
                String term = SafeXml.attribute(reader, "term");
                String text = SafeXml.text(reader);
                String category = term != null ? term : text;
                if (!category.isEmpty() && item.categories.size() < FeedItem.MAX_FIELDS) {
                    item.categories.add(category);
                }
            }
            // Long texts that say nothing Shoal uses.
            case "description", "summary", "content", "author", "source" -> SafeXml.skip(reader);
            case "attr" -> attr(reader, item);
            default -> extension(reader, item, 0);
        }
    }

    private static void atomLink(XMLStreamReader reader, FeedItem item) throws XMLStreamException {
        if (item.links.size() < FeedItem.MAX_LINKS) {
            item.links.add(new FeedLink(SafeXml.attribute(reader, "href"), SafeXml.attribute(reader, "rel"),
                    SafeXml.attribute(reader, "type"), FeedNumbers.count(SafeXml.attribute(reader, "length"))));
        }
        SafeXml.skip(reader);
    }

    /** {@code <torznab:attr name="seeders" value="12"/>}, also Newznab's. */
    private static void attr(XMLStreamReader reader, FeedItem item) throws XMLStreamException {
        String name = SafeXml.attribute(reader, "name");
        String value = SafeXml.attribute(reader, "value");
        if (name != null && value != null) {
            item.attrs.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(value);
        }
        SafeXml.skip(reader);
    }

    /**
     * An element Shoal knows by its local name only. One with child elements (ezRSS's
     * {@code <torrent xmlns=...><infoHash>}) has its children kept as extensions of the item.
     */
    private static void extension(XMLStreamReader reader, FeedItem item, int depth) throws XMLStreamException {
        String name = reader.getLocalName().toLowerCase(Locale.ROOT);
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = SafeXml.next(reader);
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("the document ends inside an item", reader.getLocation());
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                // Bounded, or a deep enough nest would overflow the stack.
                if (depth < MAX_NESTING && item.room()) {
                    extension(reader, item, depth + 1);
                } else {
                    SafeXml.skip(reader);
                }
            } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
                    && text.length() < SafeXml.MAX_TEXT) {
                text.append(reader.getText(), 0, Math.min(reader.getTextLength(), SafeXml.MAX_TEXT - text.length()));
            }
        }
        String value = text.toString().strip();
        if (!value.isEmpty()) {
            item.extensions.putIfAbsent(name, value);
        }
    }
}
