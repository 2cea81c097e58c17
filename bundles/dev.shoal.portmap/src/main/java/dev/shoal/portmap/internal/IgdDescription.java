package dev.shoal.portmap.internal;

import dev.shoal.support.feed.SafeXml;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An IGD's device description (UPnP Device Architecture §2.3): the first connection service that
 * maps ports, in {@link #WANTED}'s order, and its control URL resolved against {@code URLBase} or
 * the description's own URL. Read with {@link SafeXml} (no DTD, no external entity); the caller
 * bounds the bytes. A control URL on another host than the description's is refused: a hostile
 * router must not make Shoal POST elsewhere.
 */
final class IgdDescription {

    /** IP before PPP (cable and fibre routers list only IP; some DSL ones both), v2 before v1. */
    static final List<String> WANTED = List.of(
            "urn:schemas-upnp-org:service:WANIPConnection:2",
            "urn:schemas-upnp-org:service:WANIPConnection:1",
            "urn:schemas-upnp-org:service:WANPPPConnection:1");
    /** Services read at most: a description with more is cut there. */
    static final int MAX_SERVICES = 64;

    private IgdDescription() {
    }

    /** The control point of the description at {@code location}, read from {@code in}; empty when it offers none. */
    static Optional<ControlPoint> read(InputStream in, URI location) throws XMLStreamException, InvalidDescriptionException {
        XMLStreamReader reader = SafeXml.open(in);
        String base = null;
        String bestType = null;
        String bestControl = null;
        int services = 0;
        SafeXml.root(reader);
        while (reader.hasNext() && services < MAX_SERVICES) {
            int event = SafeXml.next(reader);
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (reader.getLocalName().equals("URLBase")) {
                base = SafeXml.text(reader);
            } else if (reader.getLocalName().equals("service")) {
                services++;
                String[] typeAndControl = service(reader);
                int rank = WANTED.indexOf(typeAndControl[0]);
                if (rank >= 0 && typeAndControl[1] != null && (bestType == null || rank < WANTED.indexOf(bestType))) {
                    bestType = typeAndControl[0];
                    bestControl = typeAndControl[1];
                }
            }
        }
        if (bestType == null) {
            return Optional.empty();
        }
        return Optional.of(new ControlPoint(control(location, base, bestControl), bestType));
    }

    /** serviceType and controlURL of the {@code <service>} the reader is on. */
    private static String[] service(XMLStreamReader reader) throws XMLStreamException {
        String[] found = new String[2];
        int depth = 1;
        while (depth > 0) {
            int event = SafeXml.next(reader);
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (reader.getLocalName()) {
                    case "serviceType" -> found[0] = SafeXml.text(reader);
                    case "controlURL" -> found[1] = SafeXml.text(reader);
                    default -> depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("the document ends inside a <service>");
            }
        }
        return found;
    }

    /** The control URL resolved against the base or the location (it may be absolute, or relative to either). */
    private static URI control(URI location, String base, String controlUrl) throws InvalidDescriptionException {
        URI against = location;
        if (base != null && !base.isEmpty()) {
            try {
                against = new URI(base);
            } catch (java.net.URISyntaxException e) {
                throw new InvalidDescriptionException("URLBase '" + base + "' is no URL");
            }
        }
        URI control;
        try {
            control = against.resolve(new URI(escape(controlUrl)));
        } catch (java.net.URISyntaxException e) {
            throw new InvalidDescriptionException("its control URL '" + controlUrl + "' is no URL");
        }
        if (!"http".equalsIgnoreCase(control.getScheme()) || control.getHost() == null
                || !control.getHost().equals(location.getHost())) {
            throw new InvalidDescriptionException("its control URL " + control + " is not on " + location.getHost());
        }
        return control;
    }

    /** Spaces and other characters a sloppy router leaves unescaped, so that URI parsing does not fail on them. */
    private static String escape(String url) {
        return url.replace(" ", "%20").replace("\"", "%22").replace("<", "%3C").replace(">", "%3E");
    }

    /** A description that parses but cannot be used. */
    static final class InvalidDescriptionException extends Exception {

        private static final long serialVersionUID = 1L;

        InvalidDescriptionException(String message) {
            super(message);
        }
    }
}
