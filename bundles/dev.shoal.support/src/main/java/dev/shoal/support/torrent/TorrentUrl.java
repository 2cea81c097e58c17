package dev.shoal.support.torrent;

import dev.shoal.support.http.Deadline;
import dev.shoal.support.http.FetchLimits;
import dev.shoal.support.http.FetchResponse;
import dev.shoal.support.http.HttpFetcher;
import dev.shoal.support.http.Links;
import dev.shoal.support.http.Redactor;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;

/**
 * A torrent file fetched over http(s) by the {@link HttpFetcher} everything in Shoal fetches with:
 * at most {@link HttpFetcher#MAX_REDIRECTS} redirects, a 2xx status, at most {@code maxBytes} (a
 * larger Content-Length is refused unread), and the whole exchange within {@code timeout}, so a
 * server that trickles bytes is cut off as surely as a silent one. A passkey in the URL is masked
 * in every message.
 */
final class TorrentUrl {

    private static final String ACCEPT = "application/x-bittorrent, */*;q=0.5";

    private final String userAgent;
    private final int maxBytes;
    private final Duration timeout;
    /** Made at the first fetch: an HTTP client sets up TLS, ~0.3 s of a start that may need no URL. */
    private HttpFetcher fetcher;

    TorrentUrl(String userAgent, int maxBytes, Duration timeout) {
        this.userAgent = userAgent;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
    }

    private synchronized HttpFetcher fetcher() {
        if (fetcher == null) {
            fetcher = HttpFetcher.forTimeout(timeout, userAgent, ACCEPT);
        }
        return fetcher;
    }

    /**
     * @throws InterruptedException when the thread is interrupted while fetching (the flag is cleared)
     */
    byte[] fetch(String url) throws TorrentSourceException, InterruptedException {
        URI uri = Links.parse(url);
        if (uri == null || !HttpFetcher.isHttp(uri)) {
            throw new TorrentSourceException(url + ": not a valid http(s) URL");
        }
        FetchLimits limits = new FetchLimits(Deadline.in(timeout), maxBytes, () -> false, "not a torrent file");
        try (FetchResponse response = fetcher().get(uri, limits, Redactor.of())) {
            if (!response.ok()) {
                throw new TorrentSourceException(response.statusLine());
            }
            return response.body().readAllBytes();
        } catch (InterruptedIOException e) {
            // The fetcher keeps the interrupt for its caller; this caller says it the checked way.
            Thread.interrupted();
            throw new InterruptedException(e.getMessage());
        } catch (IOException e) {
            throw new TorrentSourceException(e.getMessage());
        }
    }
}
