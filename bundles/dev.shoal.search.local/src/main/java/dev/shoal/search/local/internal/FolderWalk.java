package dev.shoal.search.local.internal;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * One walk over the configured folders, handing each {@code .torrent} file to a {@link Visitor}.
 * Links are followed (a folder of links to other disks is common), and the JDK's walk notices a link
 * leading back into a folder being walked, so a loop is seen once and left. The walk is bounded in
 * depth, in torrent files ({@code maxFiles}) and in entries of any kind, and checks between entries
 * whether it should stop.
 */
final class FolderWalk {

    /** Subfolder levels walked below a configured folder. */
    static final int MAX_DEPTH = 32;
    /** Entries of any kind looked at per walk: bounds its time, whatever else the folders hold. */
    static final int MAX_ENTRIES = 1_000_000;

    private static final String SUFFIX = ".torrent";

    /** Hears of each torrent file found. */
    @FunctionalInterface
    interface Visitor {
        /** Returns false to end the walk. */
        boolean torrentFile(Path file, BasicFileAttributes attributes);
    }

    private final LocalSettings settings;
    private final BooleanSupplier stop;
    private final Visitor visitor;
    private final ScanReport report;
    private final Set<Path> seen = new HashSet<>();

    /**
     * @param stop true when the search was cancelled: asked before every entry
     */
    FolderWalk(LocalSettings settings, BooleanSupplier stop, Visitor visitor, ScanReport report) {
        this.settings = settings;
        this.stop = stop;
        this.visitor = visitor;
        this.report = report;
    }

    /** Walks every folder in turn until done or told to stop; the report says how far it got. */
    void walk() throws IOException {
        int depth = settings.recursive() ? MAX_DEPTH : 1;
        for (Path folder : settings.folders()) {
            if (ended()) {
                return;
            }
            if (!Files.isDirectory(folder)) {
                report.missing.add(folder);
                continue;
            }
            Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), depth, new Walker());
        }
    }

    /** The torrent files looked at. */
    Set<Path> seen() {
        return seen;
    }

    private boolean ended() {
        if (!report.stopped && stop.getAsBoolean()) {
            report.stopped = true;
        }
        return report.stopped || report.truncated;
    }

    /** Counts an entry; false when the walk must end before it. */
    private boolean enter() {
        if (ended()) {
            return false;
        }
        if (report.entries >= MAX_ENTRIES) {
            report.truncated = true;
            return false;
        }
        report.entries++;
        return true;
    }

    static boolean isTorrentName(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(SUFFIX);
    }

    private final class Walker extends SimpleFileVisitor<Path> {

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            return enter() ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (!enter()) {
                return FileVisitResult.TERMINATE;
            }
            if (!attributes.isRegularFile() || !isTorrentName(file)) {
                return FileVisitResult.CONTINUE;
            }
            if (report.torrentFiles >= settings.maxFiles()) {
                report.truncated = true;
                return FileVisitResult.TERMINATE;
            }
            report.torrentFiles++;
            seen.add(file);
            if (!visitor.torrentFile(file, attributes)) {
                report.stopped = true;
                return FileVisitResult.TERMINATE;
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException failure) {
            if (failure instanceof FileSystemLoopException) {
                report.loops++;
            } else {
                report.unreadable++;
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException failure) {
            if (failure != null) {
                report.unreadable++;
            }
            return FileVisitResult.CONTINUE;
        }
    }
}
