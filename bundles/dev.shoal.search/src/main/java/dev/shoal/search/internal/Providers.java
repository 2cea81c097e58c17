package dev.shoal.search.internal;

import dev.shoal.search.api.ProviderInfo;
import dev.shoal.search.api.SearchCategory;
import dev.shoal.search.api.SearchProvider;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered providers by id. Ids must be unique, as {@code --provider} and the results'
 * provider column name them: a provider that comes with an id already in use waits, with a
 * warning, and takes over when the one using it goes (so a replaced plugin that briefly overlaps
 * its old self still ends up searched). Not thread-safe: the component guards it.
 */
final class Providers {

    /** What {@link SearchProvider#id()} may be: its documented alphabet, and short enough for a column. */
    static final Pattern ID = Pattern.compile("[a-z0-9._-]{1,64}");
    static final int MAX_NAME = 200;

    static final Comparator<ProviderInfo> BY_NAME = Comparator
            .comparing((ProviderInfo p) -> p.name().toLowerCase(Locale.ROOT)).thenComparing(ProviderInfo::id);

    private static final Logger LOG = LoggerFactory.getLogger(Providers.class);

    /** The first of each deque is searched; the rest wait for the id. */
    private final Map<String, Deque<Registered>> byId = new HashMap<>();

    /** Takes {@code provider} in; empty when it cannot be: an unusable id, or one that throws when asked. */
    Optional<Registered> add(SearchProvider provider) {
        ProviderInfo info = describe(provider);
        if (info == null) {
            return Optional.empty();
        }
        Registered registered = new Registered(provider, info);
        Deque<Registered> same = byId.computeIfAbsent(info.id(), id -> new ArrayDeque<>());
        same.addLast(registered);
        if (same.size() > 1) {
            LOG.warn("search provider {} ({}): id already used by {}; not searched until that one goes",
                    info.id(), provider.getClass().getName(), same.peekFirst().provider().getClass().getName());
        } else {
            LOG.info("search provider {} ({}) added", info.id(), info.name());
        }
        return Optional.of(registered);
    }

    /** Lets {@code provider} go; the one it was, if it was searched, so its calls can be cancelled. */
    Optional<Registered> remove(SearchProvider provider) {
        for (Map.Entry<String, Deque<Registered>> entry : byId.entrySet()) {
            Deque<Registered> same = entry.getValue();
            Registered first = same.peekFirst();
            if (same.removeIf(r -> r.provider() == provider)) {
                if (same.isEmpty()) {
                    byId.remove(entry.getKey());
                }
                if (first.provider() != provider) {
                    return Optional.empty();
                }
                LOG.info("search provider {} removed", entry.getKey());
                if (!same.isEmpty()) {
                    LOG.info("search provider {} now {} ({})", entry.getKey(), same.peekFirst().name(),
                            same.peekFirst().provider().getClass().getName());
                }
                return Optional.of(first);
            }
        }
        return Optional.empty();
    }

    /** The providers searched, in name order. */
    List<Registered> active() {
        return byId.values().stream().map(Deque::peekFirst).sorted(Comparator.comparing(Registered::info, BY_NAME))
                .toList();
    }

    /**
     * What the provider says about itself, checked; {@code null}, with a warning, when its id is
     * unusable or it throws (plugin code: it is asked once, here, and never trusted to behave).
     */
    static ProviderInfo describe(SearchProvider provider) {
        String id;
        String name;
        Set<SearchCategory> categories;
        try {
            id = provider.id();
            name = provider.name();
            categories = provider.categories();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("search provider {} ignored: it threw when asked its id, name or categories: {}",
                    provider.getClass().getName(), e.toString());
            return null;
        }
        if (id == null || !ID.matcher(id).matches()) {
            LOG.warn("search provider {} ignored: its id {} is not 1 to 64 of a-z, 0-9, '.', '-' and '_'",
                    provider.getClass().getName(), id == null ? "null" : '"' + Texts.clean(id, 80) + '"');
            return null;
        }
        name = name == null || name.isBlank() ? id : Texts.clean(name.strip(), MAX_NAME);
        try {
            categories = categories == null ? Set.of() : Set.copyOf(categories);
        } catch (NullPointerException e) {
            LOG.warn("search provider {}: a null among its categories; taking none", id);
            categories = Set.of();
        }
        return new ProviderInfo(id, name, categories);
    }
}
