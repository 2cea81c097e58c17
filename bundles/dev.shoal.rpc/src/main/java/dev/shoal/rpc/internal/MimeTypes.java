package dev.shoal.rpc.internal;

import dev.shoal.engine.api.FileStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Transmission's {@code primary-mime-type}: the type holding the most bytes among a torrent's files,
 * each file's type told by its extension (as Transmission tells it), {@code application/octet-stream}
 * for one not known here.
 */
final class MimeTypes {

    static final String UNKNOWN = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = new HashMap<>();

    static {
        types("video/x-matroska", "mkv");
        types("video/mp4", "mp4", "m4v");
        types("video/x-msvideo", "avi");
        types("video/webm", "webm");
        types("video/quicktime", "mov");
        types("video/mpeg", "mpg", "mpeg");
        types("video/mp2t", "ts");
        types("audio/mpeg", "mp3");
        types("audio/flac", "flac");
        types("audio/ogg", "ogg", "oga", "opus");
        types("audio/mp4", "m4a");
        types("audio/x-wav", "wav");
        types("image/jpeg", "jpg", "jpeg");
        types("image/png", "png");
        types("image/gif", "gif");
        types("application/x-cd-image", "iso");
        types("application/zip", "zip");
        types("application/x-tar", "tar");
        types("application/gzip", "gz", "tgz");
        types("application/x-xz", "xz");
        types("application/x-bzip2", "bz2");
        types("application/x-7z-compressed", "7z");
        types("application/vnd.rar", "rar");
        types("application/pdf", "pdf");
        types("application/epub+zip", "epub");
        types("application/x-bittorrent", "torrent");
        types("text/plain", "txt", "nfo", "md");
    }

    private MimeTypes() {
    }

    private static void types(String type, String... extensions) {
        for (String extension : extensions) {
            BY_EXTENSION.put(extension, type);
        }
    }

    /** A file name's type by its extension (any case). */
    static String of(String name) {
        int dot = name.lastIndexOf('.');
        int slash = name.lastIndexOf('/');
        if (dot < 0 || dot < slash) {
            return UNKNOWN;
        }
        return BY_EXTENSION.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), UNKNOWN);
    }

    /** The type of most bytes among {@code files}; {@value #UNKNOWN} without files (a magnet's before its metadata). */
    static String primary(List<FileStatus> files) {
        Map<String, Long> bytes = new HashMap<>();
        for (FileStatus file : files) {
            bytes.merge(of(file.path()), file.size(), Long::sum);
        }
        return bytes.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(UNKNOWN);
    }
}
