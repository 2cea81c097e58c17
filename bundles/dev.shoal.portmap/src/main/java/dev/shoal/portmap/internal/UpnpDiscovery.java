package dev.shoal.portmap.internal;

import dev.shoal.support.feed.SafeXml;
import dev.shoal.support.http.Deadline;
import dev.shoal.support.http.FetchLimits;
import dev.shoal.support.http.FetchResponse;
import dev.shoal.support.http.HttpFetcher;
import dev.shoal.support.http.Redactor;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;

/**
 * Finds the IGD seen from one gateway's interface: SSDP, then each answering device's description
 * (at most {@value #MAX_DESCRIPTION_BYTES} bytes, {@code TIMEOUT} to arrive) until one offers a
 * connection service that maps ports.
 */
final class UpnpDiscovery {

    static final int MAX_DESCRIPTION_BYTES = 64 * 1024;
    static final int SEARCH_WINDOW_MS = 2000;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpFetcher http;

    UpnpDiscovery(HttpFetcher http) {
        this.http = http;
    }

    /** The IGD's connection service, or why there is none (in the exception's one line). */
    UpnpRouter find(Gateway gateway) throws IOException {
        List<URI> locations = Ssdp.discover(gateway.local(), gateway.router(), SEARCH_WINDOW_MS);
        if (locations.isEmpty()) {
            throw new IOException("UPnP: no Internet Gateway Device answered SSDP on " + gateway.interfaceName()
                    + " within " + SEARCH_WINDOW_MS + " ms");
        }
        String why = "";
        for (URI location : locations) {
            try {
                Optional<ControlPoint> control = describe(location);
                if (control.isPresent()) {
                    return new UpnpRouter(control.get(), gateway.local(), http);
                }
                why = location + " offers no WANIPConnection or WANPPPConnection";
            } catch (IOException e) {
                why = e.getMessage();
            }
        }
        throw new IOException("UPnP: " + why);
    }

    private Optional<ControlPoint> describe(URI location) throws IOException {
        FetchLimits limits = new FetchLimits(Deadline.in(TIMEOUT), MAX_DESCRIPTION_BYTES, () -> false, "");
        try (FetchResponse response = http.get(location, limits, Redactor.of())) {
            if (!response.ok()) {
                throw new IOException("UPnP description: " + response.statusLine());
            }
            try {
                return IgdDescription.read(response.body(), response.uri());
            } catch (XMLStreamException e) {
                throw new IOException("UPnP description: " + SafeXml.failure(e, response).getMessage());
            }
        } catch (IgdDescription.InvalidDescriptionException e) {
            throw new IOException("UPnP description from " + location + " refused: " + e.getMessage());
        }
    }

    /** The one HTTP client every UPnP exchange goes through. */
    static HttpFetcher client() {
        return HttpFetcher.forTimeout(TIMEOUT, "Shoal UPnP/1.1", "text/xml, application/xml");
    }
}
