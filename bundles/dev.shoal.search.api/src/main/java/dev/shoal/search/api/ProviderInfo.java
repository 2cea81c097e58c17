package dev.shoal.search.api;

import java.util.Objects;
import java.util.Set;

/** A registered provider as the shell and the desktop list it. */
public record ProviderInfo(String id, String name, Set<SearchCategory> categories) {

    public ProviderInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        categories = Set.copyOf(categories);
    }
}
