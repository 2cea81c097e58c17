package dev.shoal.support.feed;

import dev.shoal.support.http.FetchException;
import dev.shoal.support.http.FetchLimits;
import dev.shoal.support.http.FetchResponse;
import dev.shoal.support.http.HttpFetcher;
import dev.shoal.support.http.Redactor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * GETs an XML document and parses it as it streams in, so that everything that can go wrong
 * (connection, status, the index's {@code <error>}, malformed or hostile XML, too large, too slow,
 * cancelled) ends as one {@link IOException} with one line to show.
 */
public final class XmlFetch {

    /** What feeds and indexes are asked for: their XML first, anything else at all last. */
    public static final String ACCEPT =
            "application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.1";

    /** How much of an error page is read to find an {@code <error>} in it. */
    private static final int ERROR_BODY_BYTES = 64 * 1024;

    /** Parses a document from its reader, which stands before the root element. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(XMLStreamReader reader) throws XMLStreamException, IndexerError;
    }

    private final HttpFetcher fetcher;

    public XmlFetch(HttpFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** Fetches for a provider whose searches take at most {@code timeout}. */
    public static XmlFetch forTimeout(Duration timeout, String userAgent) {
        return new XmlFetch(HttpFetcher.forTimeout(timeout, userAgent, ACCEPT));
    }

    /**
     * The parsed document at {@code uri}.
     *
     * @throws IndexerError              when the index answered with an {@code <error>}
     * @throws FetchTimeoutException     when the deadline passed
     * @throws java.io.InterruptedIOException when cancelled or interrupted
     * @throws FetchException            for any other failure, with a message to show
     */
    public <T> T get(URI uri, FetchLimits limits, Redactor redactor, Parser<T> parser) throws IOException {
        try (FetchResponse response = fetcher.get(uri, limits, redactor)) {
            if (!response.ok()) {
                throw statusFailure(response, redactor);
            }
            try {
                XMLStreamReader reader = SafeXml.open(response.body());
                try {
                    return parser.parse(reader);
                } finally {
                    reader.close();
                }
            } catch (IndexerError e) {
                throw masked(e, redactor);
            } catch (XMLStreamException e) {
                throw SafeXml.failure(e, response);
            }
        }
    }

    /** "HTTP 401 from ...", with the index's own reason when the body is an {@code <error>}. */
    private static IOException statusFailure(FetchResponse response, Redactor redactor) {
        String line = response.statusLine();
        byte[] body;
        try {
            body = response.readAtMost(ERROR_BODY_BYTES);
        } catch (IOException e) {
            return new FetchException(line);
        }
        try {
            XMLStreamReader reader = SafeXml.open(new ByteArrayInputStream(body));
            SafeXml.root(reader);
            FeedReader.checkError(reader);
        } catch (IndexerError e) {
            return new FetchException(line + ": " + masked(e, redactor).getMessage());
        } catch (XMLStreamException | RuntimeException e) {
            // Not an <error>: the status says it all.
        }
        return new FetchException(line);
    }

    private static IndexerError masked(IndexerError e, Redactor redactor) {
        return new IndexerError(redactor.text(e.code()), redactor.text(e.description()));
    }
}
