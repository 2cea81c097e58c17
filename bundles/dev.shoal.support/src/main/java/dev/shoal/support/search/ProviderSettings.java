package dev.shoal.support.search;

import dev.shoal.support.http.Deadline;
import dev.shoal.support.http.FetchLimits;
import dev.shoal.support.http.HttpFetcher;
import dev.shoal.support.http.Links;
import java.net.URI;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/** Checks of what every HTTP provider's configuration has: an id, a URL, a time and a size limit. */
public final class ProviderSettings {

    /** What {@code SearchProvider.id()} may be. */
    public static final Pattern ID = Pattern.compile("[a-z0-9._-]{1,64}");

    private ProviderSettings() {
    }

    /**
     * The id, stripped.
     *
     * @param kind what the provider is, for the message ("Torznab", "Feed")
     */
    public static String id(String kind, String id) {
        String checked = id == null ? "" : id.strip();
        if (!ID.matcher(checked).matches()) {
            throw new IllegalArgumentException(kind + " id '" + Links.abbreviate(checked)
                    + "' must be 1 to 64 of a-z, 0-9, '.', '-', '_'");
        }
        return checked;
    }

    /**
     * The http(s) URL {@code url} names.
     *
     * @param what what it should be, e.g. "the indexer's http(s) Torznab endpoint, e.g. http://..."
     */
    public static URI httpUrl(String kind, String id, String url, String what) {
        URI uri = Links.parse(url);
        if (uri == null || !HttpFetcher.isHttp(uri)) {
            throw new IllegalArgumentException(kind + " " + id + ": url must be " + what + ", not '"
                    + (url == null ? "" : Links.abbreviate(url.strip())) + "'");
        }
        return uri;
    }

    /**
     * What one search's fetches may cost: {@code timeout} for all of them, at most {@code maxBytes}
     * each (the provider's {@code maxResponseKiB}, which a too-large message names), until {@code stop}.
     */
    public static FetchLimits limits(Duration timeout, long maxBytes, BooleanSupplier stop) {
        return new FetchLimits(Deadline.in(timeout), maxBytes, stop, "raise maxResponseKiB if it is right");
    }

    /** {@code value} within {@code min} and {@code max}. */
    public static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    /** The name to show: {@code name}, or "kind: id" when blank. */
    public static String name(String kind, String id, String name) {
        return name == null || name.isBlank() ? kind + ": " + id : name.strip();
    }
}
