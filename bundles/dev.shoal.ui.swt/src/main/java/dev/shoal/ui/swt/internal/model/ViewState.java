package dev.shoal.ui.swt.internal.model;

import java.util.Locale;
import java.util.Objects;

/**
 * What the user asked the table to show: a state filter, a sidebar scope (a tracker host or a
 * label), a name filter (case-insensitive substring) and a sort. Immutable: the display thread
 * publishes a new one and the poller reads it.
 */
public record ViewState(StateFilter filter, Scope scope, String text, Column sort, boolean ascending) {

    public static final ViewState DEFAULT = new ViewState(StateFilter.ALL, "", Column.ID, true);

    public ViewState {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sort, "sort");
    }

    public ViewState(StateFilter filter, String text, Column sort, boolean ascending) {
        this(filter, Scope.ANY, text, sort, ascending);
    }

    public ViewState withFilter(StateFilter filter, String text) {
        return new ViewState(filter, scope, text, sort, ascending);
    }

    /** The sidebar's choice: a state, or a scope (with every state). */
    public ViewState withSide(StateFilter filter, Scope scope) {
        return new ViewState(filter, scope, text, sort, ascending);
    }

    /** A click on a column's header: a new column sorts ascending, the same one again reverses. */
    public ViewState clicked(Column column) {
        return new ViewState(filter, scope, text, column, column != sort || !ascending);
    }

    public ViewState sortedBy(Column column, boolean ascending) {
        return new ViewState(filter, scope, text, column, ascending);
    }

    /** "filter=all text= sort=Name asc", and " scope=tracker:host" when narrowed, for {@code ui:state}. */
    public String describe() {
        return "filter=" + filter.name().toLowerCase(Locale.ROOT) + " text=" + text + " sort=" + sort.title()
                + (ascending ? " asc" : " desc") + (scope.equals(Scope.ANY) ? "" : " scope=" + scope.describe());
    }
}
