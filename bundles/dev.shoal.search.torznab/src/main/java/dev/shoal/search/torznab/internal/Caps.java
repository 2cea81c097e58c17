package dev.shoal.search.torznab.internal;

import dev.shoal.support.feed.FeedNumbers;
import dev.shoal.support.feed.FeedReader;
import dev.shoal.support.feed.IndexerError;
import dev.shoal.support.feed.SafeXml;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What an index said about itself in answer to {@code t=caps}: the categories it has (subcategories
 * included) and its {@code <limits max default>}.
 *
 * @param categories category numbers, at most {@value #MAX_CATEGORIES}
 * @param limitMax   the most results one request may ask for, or -1 when not said
 */
record Caps(Set<Integer> categories, int limitMax) {

    /** What a search goes by when the index would not say. */
    static final Caps UNKNOWN = new Caps(Set.of(), -1);

    /** Results per request when the index gives no maximum: Torznab's usual default. */
    static final int DEFAULT_PAGE = 100;

    static final int MAX_CATEGORIES = 5_000;

    Caps {
        categories = Set.copyOf(categories);
    }

    /** How many results to ask for in one request when {@code wanted} are wanted in all. */
    int pageSize(int wanted) {
        return Math.min(wanted, limitMax > 0 ? limitMax : DEFAULT_PAGE);
    }

    /** Reads a {@code <caps>} document. */
    static Caps parse(XMLStreamReader reader) throws XMLStreamException, IndexerError {
        String root = SafeXml.root(reader);
        FeedReader.checkError(reader);
        if (!root.equals("caps")) {
            throw new SafeXml.RefusedXml("it is no Torznab capabilities document (its root element is <" + root + ">)",
                    reader.getLocation());
        }
        Set<Integer> categories = new LinkedHashSet<>();
        int limitMax = -1;
        while (reader.hasNext()) {
            if (SafeXml.next(reader) != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (reader.getLocalName()) {
                case "limits" -> limitMax = FeedNumbers.intCount(SafeXml.attribute(reader, "max"));
                case "category", "subcat" -> {
                    int id = FeedNumbers.intCount(SafeXml.attribute(reader, "id"));
                    if (id >= 0 && categories.size() < MAX_CATEGORIES) {
                        categories.add(id);
                    }
                }
                default -> {
                    // server, searching, tags, genres: nothing a plain search needs.
                }
            }
        }
        return new Caps(categories, limitMax);
    }
}
