package dev.shoal.create.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Lists what goes into a new torrent. Inside a directory only regular files count: symbolic
 * links are neither followed nor included (following could leave the directory or loop), and
 * devices, sockets and pipes have no content to share. Hidden and empty files are included.
 */
final class SourceScanner {

    /** Directory depth walked; deeper trees are almost surely a loop through a bind mount. */
    static final int MAX_DEPTH = 128;

    private SourceScanner() {
    }

    static Content scan(Path source, Optional<String> name) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(source, BasicFileAttributes.class);
        String torrentName = name.isPresent() ? name.get() : defaultName(source);
        if (attributes.isRegularFile()) {
            return new Content(torrentName, true,
                    List.of(new SourceFile(source, List.of(torrentName), attributes.size())));
        }
        if (!attributes.isDirectory()) {
            throw new IOException(source + " is neither a regular file nor a directory");
        }
        List<SourceFile> files = new ArrayList<>();
        Files.walkFileTree(source, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isDirectory()) {
                    // Only at MAX_DEPTH does the walk hand over a directory as a file.
                    throw new IOException(file + " lies deeper than " + MAX_DEPTH + " directories");
                }
                if (attrs.isRegularFile()) {
                    files.add(new SourceFile(file, components(source.relativize(file)), attrs.size()));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.comparing(SourceScanner::sortKey, Arrays::compareUnsigned));
        return new Content(torrentName, false, files);
    }

    /** The '/'-joined path as UTF-8 bytes: the order mktorrent uses, so both give the same torrent. */
    private static byte[] sortKey(SourceFile file) {
        return String.join("/", file.torrentPath()).getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> components(Path relative) {
        List<String> names = new ArrayList<>(relative.getNameCount());
        for (Path part : relative) {
            names.add(part.toString());
        }
        return names;
    }

    private static String defaultName(Path source) throws IOException {
        Path fileName = source.toAbsolutePath().normalize().getFileName();
        if (fileName == null) {
            throw new IOException("cannot name a torrent after " + source + "; give it a name");
        }
        return fileName.toString();
    }
}
