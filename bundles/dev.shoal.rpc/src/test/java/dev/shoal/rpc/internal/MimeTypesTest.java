package dev.shoal.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.engine.api.FilePriority;
import dev.shoal.engine.api.FileStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class MimeTypesTest {

    @Test
    void a_file_is_typed_by_its_extension_in_any_case() {
        assertEquals("video/x-matroska", MimeTypes.of("show/Episode.01.MKV"));
        assertEquals("application/x-cd-image", MimeTypes.of("debian.iso"));
        assertEquals(MimeTypes.UNKNOWN, MimeTypes.of("README"));
        assertEquals(MimeTypes.UNKNOWN, MimeTypes.of("dir.d/README"), "a dot in a folder is no extension");
        assertEquals(MimeTypes.UNKNOWN, MimeTypes.of("data.qqq"));
    }

    @Test
    void the_primary_type_holds_the_most_bytes_not_the_most_files() {
        List<FileStatus> files = List.of(file(0, "a/1.txt", 10), file(1, "a/2.txt", 10), file(2, "a/3.nfo", 10),
                file(3, "a/movie.mp4", 25), file(4, "a/extra.m4v", 10));
        assertEquals("video/mp4", MimeTypes.primary(files));
        assertEquals(MimeTypes.UNKNOWN, MimeTypes.primary(List.of()), "a magnet before its metadata");
    }

    private static FileStatus file(int index, String path, long size) {
        return new FileStatus(index, path, size, 0, FilePriority.NORMAL);
    }
}
