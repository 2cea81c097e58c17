package dev.shoal.search.torznab.internal;

import dev.shoal.search.api.SearchCategory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Torznab's category numbers (Newznab's, thousands per kind: 2000 movies, 5000 TV, ...) and
 * Shoal's {@link SearchCategory}. Numbers from 10000 up are an index's own (Jackett's 100000+)
 * and mean nothing outside it.
 */
final class TorznabCategories {

    /** PC/Games: a game, though under PC (software). */
    static final int PC_GAMES = 4050;
    static final int MAX_STANDARD = 9999;

    private TorznabCategories() {
    }

    static boolean standard(int id) {
        return id >= 1000 && id <= MAX_STANDARD;
    }

    /** What Torznab category {@code id} holds; OTHER for numbers it does not know. */
    static SearchCategory of(int id) {
        if (id == PC_GAMES) {
            return SearchCategory.GAMES;
        }
        return switch (standard(id) ? id / 1000 : 0) {
            case 1 -> SearchCategory.GAMES; // Console
            case 2 -> SearchCategory.MOVIES;
            case 3 -> SearchCategory.MUSIC;
            case 4 -> SearchCategory.SOFTWARE; // PC
            case 5 -> SearchCategory.TV;
            case 7 -> SearchCategory.BOOKS;
            default -> SearchCategory.OTHER; // 6000 XXX, 8000 Other, and the rest
        };
    }

    /** What the standard ids among {@code ids} hold. */
    static Set<SearchCategory> of(Collection<Integer> ids) {
        Set<SearchCategory> categories = EnumSet.noneOf(SearchCategory.class);
        for (int id : ids) {
            if (standard(id)) {
                categories.add(of(id));
            }
        }
        return categories;
    }

    /** The top-level numbers to ask for {@code category}: the inverse of {@link #of(int)}. */
    static List<Integer> ids(SearchCategory category) {
        return switch (category) {
            case GAMES -> List.of(1000, PC_GAMES);
            case MOVIES -> List.of(2000);
            case MUSIC -> List.of(3000);
            case SOFTWARE -> List.of(4000);
            case TV -> List.of(5000);
            case BOOKS -> List.of(7000);
            case OTHER -> List.of(8000, 6000);
        };
    }

    /** The numbers for all of {@code categories}, in ascending order. */
    static List<Integer> ids(Set<SearchCategory> categories) {
        List<Integer> ids = new ArrayList<>();
        for (SearchCategory category : categories) {
            ids.addAll(ids(category));
        }
        ids.sort(null);
        return ids;
    }
}
