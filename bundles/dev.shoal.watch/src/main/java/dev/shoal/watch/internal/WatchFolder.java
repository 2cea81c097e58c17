package dev.shoal.watch.internal;

import dev.shoal.bencode.DecoderLimits;
import dev.shoal.engine.api.EngineException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One look at a watch folder per {@link #poll()}: each {@code *.torrent} or {@code *.magnet} file
 * whose size and modification time are what the previous poll saw (so nobody is still writing it) is parsed and
 * handed to the {@link TorrentSink}, then moved to {@code added/}; a malformed or refused one goes to
 * {@code failed/} with a {@code NAME.error.txt} saying why. Handled files leave the folder, so none
 * is taken twice; one that cannot be moved aside is left alone until it changes. Not thread-safe:
 * one thread polls.
 */
final class WatchFolder {

    static final String ADDED = "added";
    static final String FAILED = "failed";
    /** Files looked at per poll, so a folder flooded with torrents is worked off in steps. */
    static final int MAX_FILES_PER_POLL = 100;
    /** Directory entries read per poll, whatever else the folder holds. */
    static final int MAX_NAMES_LISTED = 10_000;
    /** Longest reason written to an error file. */
    static final int MAX_REASON_CHARS = 500;

    private static final Logger LOG = LoggerFactory.getLogger(WatchFolder.class);

    /** What a file looked like at a poll. */
    private record Look(long size, FileTime modified) {
    }

    private final Path folder;
    private final boolean startPaused;
    private final TorrentSink sink;
    private final int maxTorrentBytes;
    /** Files seen at the last poll and not taken yet: taken at this one if unchanged. */
    private Map<Path, Look> seen = Map.of();
    /** Files that could not be moved aside: left alone while they look the same, instead of retried every poll. */
    private Map<Path, Look> stuck = Map.of();
    /** The folder's present problem, warned about once rather than at every poll. */
    private String problem;

    WatchFolder(Path folder, boolean startPaused, TorrentSink sink) {
        this(folder, startPaused, sink, DecoderLimits.DEFAULT.maxInputBytes());
    }

    WatchFolder(Path folder, boolean startPaused, TorrentSink sink, int maxTorrentBytes) {
        this.folder = folder;
        this.startPaused = startPaused;
        this.sink = sink;
        this.maxTorrentBytes = maxTorrentBytes;
    }

    Path folder() {
        return folder;
    }

    /** Why the folder cannot be watched now, if it cannot. */
    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    void poll() {
        List<Path> files;
        try {
            files = list();
        } catch (FileAlreadyExistsException e) {
            report("is not a directory");
            return;
        } catch (IOException e) {
            report("cannot be listed: " + e);
            return;
        }
        if (problem != null) {
            LOG.info("watch folder {}: usable again", folder);
            problem = null;
        }
        Map<Path, Look> nowSeen = new HashMap<>();
        Map<Path, Look> nowStuck = new HashMap<>();
        int looked = 0;
        for (Path file : files) {
            if (looked >= MAX_FILES_PER_POLL) {
                Look wasStuck = stuck.get(file);
                if (wasStuck != null) {
                    nowStuck.put(file, wasStuck); // not looked at, still not to be retried
                }
                continue;
            }
            Look look = look(file);
            if (look == null) {
                continue;
            }
            if (look.equals(stuck.get(file))) {
                nowStuck.put(file, look);
                continue;
            }
            looked++;
            if (!look.equals(seen.get(file))) {
                nowSeen.put(file, look); // new, or still being written
            } else if (!handle(file, look)) {
                nowStuck.put(file, look);
            }
        }
        seen = nowSeen;
        stuck = nowStuck;
    }

    /** The folder's torrent and magnet files by name, created if missing: the user named it, so wants it. */
    private List<Path> list() throws IOException {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            int listed = 0;
            for (Path entry : entries) {
                if (++listed > MAX_NAMES_LISTED) {
                    break;
                }
                if (Dropped.takes(entry.getFileName().toString())) {
                    files.add(entry);
                }
            }
        }
        files.sort(null); // the same order at every poll, whatever the file system lists
        return files;
    }

    /** Size and time of a regular file; null for anything else, or a file gone meanwhile. */
    private static Look look(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.isRegularFile() ? new Look(attributes.size(), attributes.lastModifiedTime()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Adds the file and moves it aside; false when it could not be moved aside. */
    private boolean handle(Path file, Look look) {
        Dropped dropped;
        try {
            dropped = Dropped.read(file, look.size(), maxTorrentBytes);
        } catch (NoSuchFileException e) {
            return true; // taken away meanwhile: nothing to do
        } catch (IOException e) {
            return fail(file, "cannot read it: " + e);
        } catch (Dropped.Unusable e) {
            return fail(file, e.getMessage());
        }
        try {
            dropped.addTo(sink, startPaused);
        } catch (EngineException e) {
            return fail(file, "not added: " + e.getMessage());
        } catch (RuntimeException e) {
            // An engine bug: the file still goes aside, so it is not fed to the same bug every poll.
            LOG.error("watch folder {}: adding {} failed", folder, file.getFileName(), e);
            return fail(file, "not added: " + e);
        }
        LOG.info("watch folder {}: added {}{}", folder, dropped.describe(), startPaused ? ", paused" : "");
        try {
            SetAside.move(file, folder.resolve(ADDED));
            return true;
        } catch (IOException e) {
            LOG.warn("watch folder {}: added {} but cannot move it to {}/ ({}); left alone while unchanged", folder,
                    file.getFileName(), ADDED, e.toString());
            return false;
        }
    }

    /** Moves the file to failed/ with its reason; false when it could not be moved. */
    private boolean fail(Path file, String reason) {
        String line = oneLine(reason);
        LOG.warn("watch folder {}: {}: {}", folder, file.getFileName(), line);
        try {
            SetAside.moveWithReason(file, folder.resolve(FAILED), line);
            return true;
        } catch (IOException e) {
            LOG.warn("watch folder {}: cannot move {} to {}/ ({}); left alone while unchanged", folder,
                    file.getFileName(), FAILED, e.toString());
            return false;
        }
    }

    static String oneLine(String reason) {
        String line = reason.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_REASON_CHARS ? line : line.substring(0, MAX_REASON_CHARS) + "…";
    }

    private void report(String what) {
        if (!what.equals(problem)) {
            LOG.warn("watch folder {}: {}; retrying at every poll", folder, what);
            problem = what;
        }
    }
}
