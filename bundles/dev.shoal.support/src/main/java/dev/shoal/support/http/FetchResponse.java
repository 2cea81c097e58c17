package dev.shoal.support.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;

/** A response whose status and headers arrived; its body is read through {@link #body()}. */
public final class FetchResponse implements AutoCloseable {

    private final HttpResponse<?> response;
    private final String shown;
    private final BoundedBody body;

    FetchResponse(HttpResponse<?> response, String shown, BoundedBody body) {
        this.response = response;
        this.shown = shown;
        this.body = body;
    }

    public int status() {
        return response.statusCode();
    }

    public boolean ok() {
        return status() >= 200 && status() < 300;
    }

    /** The URL that answered (after redirects), as a message may show it. */
    public String shown() {
        return shown;
    }

    public URI uri() {
        return response.uri();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The body, bounded by the request's {@link FetchLimits}. */
    public InputStream body() {
        return body;
    }

    /**
     * Why the body stopped before its end (too large, too slow, cancelled), or {@code null}. Parsers
     * wrap an {@link IOException} from their stream in their own exception, so this is asked first
     * when parsing fails.
     */
    public IOException bodyFailure() {
        return body.failure();
    }

    /** The body read so far, in bytes. */
    public long received() {
        return body.received();
    }

    /** Stops the transfer if the body was not read to its end. */
    @Override
    public void close() {
        body.close();
    }

    /** "HTTP 401 from http://host/api?t=search&amp;apikey=***". */
    public String statusLine() {
        return "HTTP " + status() + " from " + shown;
    }

    /** Reads at most {@code max} bytes of the body, for an error page's text. */
    public byte[] readAtMost(int max) throws IOException {
        return body.readNBytes(max);
    }
}
