package dev.shoal.engine.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The rules for a torrent's labels ({@code Torrent.setLabels}); callers hear a refusal's reason in one line. */
final class Labels {

    /** Most characters in one label. */
    static final int MAX_LENGTH = 128;
    /** Most labels on one torrent. */
    static final int MAX_COUNT = 32;

    private Labels() {
    }

    /**
     * The labels as kept: trimmed, blanks and repeats dropped, in order.
     *
     * @throws IllegalArgumentException naming the first label refused, and why
     */
    static List<String> clean(List<String> labels) {
        Set<String> kept = new LinkedHashSet<>();
        for (String label : labels) {
            String trimmed = label == null ? "" : label.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("a label has at most " + MAX_LENGTH + " characters: "
                        + trimmed.substring(0, 20) + "...");
            }
            if (trimmed.indexOf(',') >= 0 || trimmed.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("a label holds no comma or control character: " + trimmed);
            }
            kept.add(trimmed);
        }
        if (kept.size() > MAX_COUNT) {
            throw new IllegalArgumentException("a torrent has at most " + MAX_COUNT + " labels, not " + kept.size());
        }
        return List.copyOf(new ArrayList<>(kept));
    }
}
