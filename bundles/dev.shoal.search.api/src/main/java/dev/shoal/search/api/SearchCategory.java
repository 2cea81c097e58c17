package dev.shoal.search.api;

/**
 * What a torrent holds, coarse enough that every index can map its own categories onto it
 * (Torznab's 1000..8000 ranges map one to one).
 */
public enum SearchCategory {
    MOVIES,
    TV,
    MUSIC,
    GAMES,
    SOFTWARE,
    BOOKS,
    OTHER
}
