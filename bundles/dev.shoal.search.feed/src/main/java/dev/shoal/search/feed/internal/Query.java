package dev.shoal.search.feed.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The user's words; a title matches when it holds every one, in any case and order. */
record Query(List<String> words) {

    static Query of(String text) {
        return new Query(Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\s+")).filter(word -> !word.isEmpty()).toList());
    }

    boolean matches(String title) {
        String lower = title.toLowerCase(Locale.ROOT);
        return words.stream().allMatch(lower::contains);
    }
}
