package dev.shoal.peer.internal.picker;

/** How much a piece is wanted; from the priorities of the files it holds. */
public enum Priority {
    /** Not downloaded at all. */
    SKIP,
    NORMAL,
    /** Picked before every normal piece, whatever their rarity. */
    HIGH
}
