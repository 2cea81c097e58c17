package dev.shoal.search.torznab.internal;

import dev.shoal.support.http.Links;
import dev.shoal.support.search.ProviderSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One indexer's configuration, checked: a configuration that cannot work fails the component's
 * activation with a line saying which setting is wrong, instead of failing every search later.
 *
 * @param id         the provider id
 * @param name       what users see
 * @param endpoint   the indexer's Torznab API URL, to which the query parameters are added
 * @param apiKey     the key, "" for none
 * @param categories category numbers always sent as {@code cat=}, empty for all
 * @param timeout    how long one search may take, capabilities and every page together
 * @param maxBytes   the most one answer may have
 */
record TorznabSettings(String id, String name, URI endpoint, String apiKey, List<Integer> categories,
        Duration timeout, long maxBytes) {

    private static final String KIND = "Torznab";
    static final int MIN_TIMEOUT_SECONDS = 1;
    static final int MAX_TIMEOUT_SECONDS = 300;
    static final int MIN_RESPONSE_KIB = 16;
    static final int MAX_RESPONSE_KIB = 64 * 1024;
    static final int MAX_CATEGORIES = 100;

    TorznabSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(apiKey, "apiKey");
        categories = List.copyOf(categories);
        Objects.requireNonNull(timeout, "timeout");
    }

    /** From the raw values of a configuration. */
    static TorznabSettings of(String id, String name, String url, String apiKey, String categories, int timeoutSeconds,
            int maxResponseKiB) {
        String checkedId = ProviderSettings.id(KIND, id);
        URI endpoint = ProviderSettings.httpUrl(KIND, checkedId, url, "the indexer's http(s) Torznab endpoint, e.g."
                + " http://127.0.0.1:9117/api/v2.0/indexers/all/results/torznab/");
        if (endpoint.getRawQuery() != null && endpoint.getRawQuery().toLowerCase(Locale.ROOT).contains("apikey=")) {
            throw new IllegalArgumentException(KIND + " " + checkedId + ": put the API key in .apiKey, not in the url");
        }
        return new TorznabSettings(checkedId, ProviderSettings.name(KIND, checkedId, name), endpoint,
                apiKey == null ? "" : apiKey.strip(), categories(checkedId, categories),
                Duration.ofSeconds(ProviderSettings.clamp(timeoutSeconds, MIN_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS)),
                ProviderSettings.clamp(maxResponseKiB, MIN_RESPONSE_KIB, MAX_RESPONSE_KIB) * 1024L);
    }

    /** "2000, 5040" as numbers; blank for none. */
    private static List<Integer> categories(String id, String text) {
        List<Integer> ids = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return ids;
        }
        for (String part : text.split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!part.matches("\\d{1,7}")) {
                throw new IllegalArgumentException("Torznab " + id + ": categories must be Torznab category numbers"
                        + " separated by commas (e.g. 2000,5040), not '" + Links.abbreviate(text.strip()) + "'");
            }
            if (!ids.contains(Integer.parseInt(part)) && ids.size() < MAX_CATEGORIES) {
                ids.add(Integer.parseInt(part));
            }
        }
        return ids;
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "TorznabSettings[id=" + id + ", endpoint=" + endpoint + ", categories=" + categories + ", timeout="
                + timeout + ", maxBytes=" + maxBytes + (apiKey.isEmpty() ? "" : ", apiKey=***") + "]";
    }
}
