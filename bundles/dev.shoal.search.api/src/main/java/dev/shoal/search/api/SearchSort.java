package dev.shoal.search.api;

/** How merged results are ordered; ties keep the order they arrived in. */
public enum SearchSort {
    /** Most seeders first; results with unknown seeders last. */
    SEEDERS,
    /** Largest first. */
    SIZE,
    /** Newest first; results with no date last. */
    PUBLISHED,
    /** Alphabetical, case-insensitive. */
    TITLE
}
