package dev.shoal.ui.swt.internal.model;

import java.util.Objects;

/**
 * What the sidebar narrows the table to besides the state: the torrents announcing to one tracker
 * host (the empty host: those without a tracker), or carrying one label; or nothing.
 */
public record Scope(Kind kind, String key) {

    public enum Kind { ANY, TRACKER, LABEL }

    public static final Scope ANY = new Scope(Kind.ANY, "");

    public Scope {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
    }

    public static Scope tracker(String host) {
        return new Scope(Kind.TRACKER, host);
    }

    public static Scope label(String label) {
        return new Scope(Kind.LABEL, label);
    }

    /** Whether a torrent with these facts is in scope; a torrent without (null) has no tracker and no label. */
    public boolean test(RowFacts facts) {
        RowFacts of = facts == null ? RowFacts.NONE : facts;
        return switch (kind) {
            case ANY -> true;
            case TRACKER -> key.isEmpty() ? of.hosts().isEmpty() : of.hosts().contains(key);
            case LABEL -> of.labels().contains(key);
        };
    }

    /** "tracker:host", "label:x", "" for none: what {@code ui:state} prints. */
    public String describe() {
        return kind == Kind.ANY ? "" : kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + key;
    }
}
