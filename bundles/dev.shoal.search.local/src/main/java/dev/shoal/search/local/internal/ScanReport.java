package dev.shoal.search.local.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What one search met in the folders: logged at debug level, and what the tests look at. One thread fills it. */
final class ScanReport {

    /** Configured folders that are not there (or are no folders). */
    final List<Path> missing = new ArrayList<>();
    /** Files and folders of any kind looked at. */
    int entries;
    /** {@code .torrent} files looked at. */
    int torrentFiles;
    /** Of those, read and parsed now rather than known from an earlier search. */
    int parsed;
    /** Of those, no valid torrent (known or found now). */
    int malformed;
    /** Skipped unread for their size. */
    int tooLarge;
    /** Files or folders that could not be read. */
    int unreadable;
    /** Links leading back into a folder being walked, not followed again. */
    int loops;
    /** Results offered. */
    int offered;
    /** The walk stopped at a bound (maxFiles, or the entries bound) before it saw everything. */
    boolean truncated;
    /** The search was cancelled or interrupted, or wanted no more results. */
    boolean stopped;

    /** True when every file in the folders was looked at: then what was not seen is gone. */
    boolean complete() {
        return !truncated && !stopped;
    }

    @Override
    public String toString() {
        return torrentFiles + " torrent files (" + parsed + " parsed now, " + malformed + " malformed, " + tooLarge
                + " too large) among " + entries + " entries, " + unreadable + " unreadable, " + loops
                + " link loops, " + offered + " results" + (truncated ? ", stopped at a bound" : "")
                + (stopped ? ", stopped early" : "") + (missing.isEmpty() ? "" : ", missing folders " + missing);
    }
}
