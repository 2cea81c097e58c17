package dev.shoal.support.feed;

import dev.shoal.support.http.FetchException;
import dev.shoal.support.http.FetchResponse;
import dev.shoal.support.http.HttpFetcher;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX for XML from strangers. The factory is the JDK's own ({@code newDefaultFactory}, so no
 * StAX implementation another bundle exposes through the context class loader is picked up), with
 * DTDs and external entities off and every way out to files and URLs closed; {@link #next} then
 * refuses any document that has a DTD at all, which is where XXE and "billion laughs" live. Feeds
 * and Torznab need neither.
 */
public final class SafeXml {

    /** How much text one element may contribute; more is dropped. */
    public static final int MAX_TEXT = 16_384;

    private SafeXml() {
    }

    /** A reader over {@code in}; it picks the encoding from the BOM and the XML declaration. */
    public static XMLStreamReader open(InputStream in) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external entity " + systemId + " refused");
        });
        return factory.createXMLStreamReader(in);
    }

    /** {@link XMLStreamReader#next()}, refusing a DTD. */
    public static int next(XMLStreamReader reader) throws XMLStreamException {
        int event = reader.next();
        if (event == XMLStreamConstants.DTD) {
            String doctype = reader.getText() == null ? "" : reader.getText().toLowerCase(Locale.ROOT);
            throw new RefusedXml(doctype.contains("doctype html") ? "it is an HTML page, not XML for Shoal"
                    : "it has a DTD (<!DOCTYPE ...>), which no feed needs and entity attacks use", reader.getLocation());
        }
        return event;
    }

    /** Moves to the document's root element and returns its local name. */
    public static String root(XMLStreamReader reader) throws XMLStreamException {
        int event = reader.getEventType();
        while (event != XMLStreamConstants.START_ELEMENT) {
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new RefusedXml("it is empty", reader.getLocation());
            }
            event = next(reader);
        }
        return reader.getLocalName();
    }

    /**
     * The text inside the current element, nested elements' text included, at most
     * {@value #MAX_TEXT} characters; leaves the reader on the element's end.
     */
    public static String text(XMLStreamReader reader) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = next(reader);
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (text.length() < MAX_TEXT) {
                        text.append(reader.getText(), 0, Math.min(reader.getTextLength(), MAX_TEXT - text.length()));
                    }
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("the document ends inside an element",
                        reader.getLocation());
                default -> {
                    // Comments and processing instructions carry nothing.
                }
            }
        }
        return text.toString().strip();
    }

    /** Skips the current element with all it holds. */
    public static void skip(XMLStreamReader reader) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = next(reader);
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("the document ends inside an element", reader.getLocation());
            }
        }
    }

    /** An attribute's value by local name, whatever its namespace, or {@code null}. */
    public static String attribute(XMLStreamReader reader, String localName) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (reader.getAttributeLocalName(i).equals(localName)) {
                String value = reader.getAttributeValue(i);
                return value.length() <= MAX_TEXT ? value.strip() : value.substring(0, MAX_TEXT);
            }
        }
        return null;
    }

    /**
     * One line for why the answer from {@code response} could not be read: the transfer's own
     * failure (too large, too slow, cancelled) when there was one, else what the parser said and where.
     */
    public static IOException failure(XMLStreamException e, FetchResponse response) {
        if (response.bodyFailure() != null) {
            return response.bodyFailure();
        }
        if (e instanceof RefusedXml) {
            return new FetchException("refused the answer from " + response.shown() + ": " + e.getMessage());
        }
        return new FetchException("malformed XML from " + response.shown() + where(e.getLocation()) + ": "
                + parserMessage(e));
    }

    private static String where(Location location) {
        if (location == null || location.getLineNumber() < 0) {
            return "";
        }
        return " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    /** The JDK's text without its "ParseError at [row,col]:[3,7]\nMessage: " prefix. */
    private static String parserMessage(XMLStreamException e) {
        String message = e.getMessage() == null ? "unreadable" : e.getMessage();
        int at = message.indexOf("Message: ");
        return HttpFetcher.oneLine(at >= 0 ? message.substring(at + "Message: ".length()) : message);
    }

    /** XML that parses but is not let in. */
    public static final class RefusedXml extends XMLStreamException {

        private static final long serialVersionUID = 1L;

        public RefusedXml(String reason, Location location) {
            super(reason, location);
        }

        /** The reason alone, without the location XMLStreamException prefixes. */
        @Override
        public String getMessage() {
            String message = super.getMessage();
            int at = message.indexOf("Message: ");
            return at >= 0 ? message.substring(at + "Message: ".length()) : message;
        }
    }
}
