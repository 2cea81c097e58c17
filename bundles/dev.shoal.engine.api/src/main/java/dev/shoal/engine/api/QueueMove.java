package dev.shoal.engine.api;

/** Where a torrent moves in the queue. */
public enum QueueMove {
    TOP,
    UP,
    DOWN,
    BOTTOM
}
