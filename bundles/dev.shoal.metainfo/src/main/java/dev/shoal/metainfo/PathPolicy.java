package dev.shoal.metainfo;

/** What parsing does with a file path that is unsafe to create on disk. */
public enum PathPolicy {
    /** Fail with an {@link InvalidTorrentException} naming the path. For inspecting torrents. */
    REJECT,
    /**
     * Rewrite each unsafe component the same way every time (bad characters become '_',
     * reserved Windows names get a '_' appended, trailing dots and spaces go, clashing names get a
     * numeric suffix) and add a warning for each rewrite. For downloading.
     */
    SANITIZE
}
