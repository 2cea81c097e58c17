package dev.shoal.engine.api;

/** How much a file of a torrent is wanted. */
public enum FilePriority {
    /** Not downloaded (pieces it shares with wanted files still are). */
    SKIP,
    NORMAL,
    /** Its pieces are fetched before those of normal files. */
    HIGH
}
