package dev.shoal.portmap.internal;

import dev.shoal.support.feed.SafeXml;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The SOAP 1.1 envelopes of UPnP control (Device Architecture §3.2): a call's body, and an
 * answer's out-arguments or its {@code UPnPError}. Answers are read with {@link SafeXml}; at most
 * {@value #MAX_VALUES} leaf values are kept, each cut at {@link SafeXml#MAX_TEXT} characters.
 */
final class Soap {

    static final int MAX_VALUES = 32;

    private Soap() {
    }

    /** The envelope calling {@code action} of {@code serviceType} with {@code args} in their order. */
    static byte[] call(String serviceType, String action, Map<String, String> args) {
        StringBuilder body = new StringBuilder("<?xml version=\"1.0\"?>\r\n"
                + "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><s:Body>")
                .append("<u:").append(action).append(" xmlns:u=\"").append(escape(serviceType)).append("\">");
        args.forEach((name, value) -> body.append('<').append(name).append('>').append(escape(value))
                .append("</").append(name).append('>'));
        body.append("</u:").append(action).append("></s:Body></s:Envelope>\r\n");
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The leaf elements of an answer's body by local name: the out-arguments of a success
     * ({@code NewExternalIPAddress}), or {@code errorCode} and {@code errorDescription} of a fault.
     */
    static Map<String, String> values(InputStream in) throws XMLStreamException {
        XMLStreamReader reader = SafeXml.open(in);
        Map<String, String> values = new LinkedHashMap<>();
        String root = SafeXml.root(reader);
        if (!root.equals("Envelope")) {
            throw new XMLStreamException("the answer is a <" + root + ">, not a SOAP envelope");
        }
        String open = null;
        StringBuilder text = new StringBuilder();
        while (reader.hasNext() && values.size() < MAX_VALUES) {
            int event = SafeXml.next(reader);
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    open = reader.getLocalName();
                    text.setLength(0);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (open != null && text.length() < SafeXml.MAX_TEXT) {
                        text.append(reader.getText(), 0,
                                Math.min(reader.getTextLength(), SafeXml.MAX_TEXT - text.length()));
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (open != null) {
                        values.putIfAbsent(open, text.toString().strip());
                    }
                    open = null;
                }
                default -> {
                    // Comments and processing instructions carry nothing.
                }
            }
        }
        return values;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
