package dev.shoal.search.feed.internal;

import dev.shoal.search.api.SearchCategory;
import dev.shoal.support.http.Links;
import dev.shoal.support.search.ProviderSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One feed's configuration, checked, so a configuration that cannot work fails the component's
 * activation with a line saying which setting is wrong.
 *
 * @param id       the provider id
 * @param name     what users see
 * @param url      the feed
 * @param category what its torrents hold
 * @param refresh  how long a fetched feed is searched before it is fetched again
 * @param timeout  how long a fetch may take
 * @param maxBytes the most the feed may have
 */
record FeedSettings(String id, String name, URI url, SearchCategory category, Duration refresh, Duration timeout,
        long maxBytes) {

    private static final String KIND = "Feed";
    static final int MAX_REFRESH_MINUTES = 24 * 60;
    static final int MAX_TIMEOUT_SECONDS = 300;
    static final int MIN_RESPONSE_KIB = 16;
    static final int MAX_RESPONSE_KIB = 64 * 1024;

    FeedSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(refresh, "refresh");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** From the raw values of a configuration. */
    static FeedSettings of(String id, String name, String url, String category, int refreshMinutes, int timeoutSeconds,
            int maxResponseKiB) {
        String checkedId = ProviderSettings.id(KIND, id);
        URI feed = ProviderSettings.httpUrl(KIND, checkedId, url, "the http(s) URL of an RSS or Atom feed");
        return new FeedSettings(checkedId, ProviderSettings.name(KIND, checkedId, name), feed, category(checkedId, category),
                Duration.ofMinutes(ProviderSettings.clamp(refreshMinutes, 0, MAX_REFRESH_MINUTES)),
                Duration.ofSeconds(ProviderSettings.clamp(timeoutSeconds, 1, MAX_TIMEOUT_SECONDS)),
                ProviderSettings.clamp(maxResponseKiB, MIN_RESPONSE_KIB, MAX_RESPONSE_KIB) * 1024L);
    }

    private static SearchCategory category(String id, String name) {
        if (name == null || name.isBlank()) {
            return SearchCategory.SOFTWARE;
        }
        try {
            return SearchCategory.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(KIND + " " + id + ": category must be one of "
                    + Arrays.toString(SearchCategory.values()) + ", not '" + Links.abbreviate(name.strip()) + "'");
        }
    }
}
