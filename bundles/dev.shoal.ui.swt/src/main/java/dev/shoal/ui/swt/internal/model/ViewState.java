package dev.shoal.ui.swt.internal.model;

import java.util.Locale;
import java.util.Objects;

/**
 * What the user asked the table to show: a state filter, a name filter (case-insensitive substring)
 * and a sort. Immutable: the display thread publishes a new one and the poller reads it.
 */
public record ViewState(StateFilter filter, String text, Column sort, boolean ascending) {

    public static final ViewState DEFAULT = new ViewState(StateFilter.ALL, "", Column.ID, true);

    public ViewState {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sort, "sort");
    }

    public ViewState withFilter(StateFilter filter, String text) {
        return new ViewState(filter, text, sort, ascending);
    }

    /** A click on a column's header: a new column sorts ascending, the same one again reverses. */
    public ViewState clicked(Column column) {
        return new ViewState(filter, text, column, column != sort || !ascending);
    }

    public ViewState sortedBy(Column column, boolean ascending) {
        return new ViewState(filter, text, column, ascending);
    }

    /** "filter=all text= sort=Name asc", for {@code ui:state}. */
    public String describe() {
        return "filter=" + filter.name().toLowerCase(Locale.ROOT) + " text=" + text + " sort=" + sort.title()
                + (ascending ? " asc" : " desc");
    }
}
