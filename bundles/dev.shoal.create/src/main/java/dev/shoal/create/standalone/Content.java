package dev.shoal.create.standalone;

import java.util.List;

/** The files found under a source, in torrent order. */
record Content(String name, boolean singleFile, List<SourceFile> files) {

    Content {
        files = List.copyOf(files);
    }

    long totalLength() {
        return files.stream().mapToLong(SourceFile::length).sum();
    }
}
