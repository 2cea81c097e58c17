package dev.shoal.watch.internal;

import dev.shoal.engine.api.EngineException;
import dev.shoal.metainfo.InvalidMagnetException;
import dev.shoal.metainfo.InvalidTorrentException;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.metainfo.Metainfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a file dropped into the watch folder holds: a {@code .torrent} file's torrent, or the one
 * magnet link of a {@code .magnet} file. Read with a bound on its size, whatever the file claims.
 */
sealed interface Dropped {

    String TORRENT_SUFFIX = ".torrent";
    String MAGNET_SUFFIX = ".magnet";
    /** The most bytes a {@code .magnet} file may have: what a link may have at all (the parser's bound). */
    int MAX_MAGNET_BYTES = 256 * 1024;

    /** Hands it to the sink. */
    void addTo(TorrentSink sink, boolean paused) throws EngineException;

    /** Its name and info-hash, for the log. */
    String describe();

    /** A file the watch folder takes: by its name's suffix, in any case. */
    static boolean takes(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(TORRENT_SUFFIX) || lower.endsWith(MAGNET_SUFFIX);
    }

    /**
     * Reads and checks the file, {@code size} bytes when last looked at.
     *
     * @throws Unusable with the one-line reason why it is neither torrent nor magnet link
     */
    static Dropped read(Path file, long size, int maxTorrentBytes) throws IOException, Unusable {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(MAGNET_SUFFIX)) {
            return Magnet.parse(new String(bytes(file, size, MAX_MAGNET_BYTES, "magnet link", "a .magnet file"), StandardCharsets.UTF_8));
        }
        try {
            return new Torrent(Metainfo.parse(bytes(file, size, maxTorrentBytes, "torrent", "a torrent file")));
        } catch (InvalidTorrentException e) {
            throw new Unusable("not a valid torrent: " + e.getMessage());
        }
    }

    /** The file's bytes, refusing without reading them a file larger than {@code max}. */
    private static byte[] bytes(Path file, long size, int max, String kind, String what)
            throws IOException, Unusable {
        if (size > max) {
            throw tooLarge(size, max, kind, what);
        }
        try (InputStream in = Files.newInputStream(file)) {
            // One byte past the limit, so a file that grew since its look is caught too.
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw tooLarge(bytes.length, max, kind, what);
            }
            return bytes;
        }
    }

    private static Unusable tooLarge(long size, int max, String kind, String what) {
        return new Unusable("not a valid " + kind + ": " + size + " bytes, larger than the " + max + " bytes " + what
                + " may have");
    }

    /** A torrent file's torrent. */
    record Torrent(Metainfo metainfo) implements Dropped {

        @Override
        public void addTo(TorrentSink sink, boolean paused) throws EngineException {
            sink.add(metainfo, paused);
        }

        @Override
        public String describe() {
            return metainfo.name() + " (" + metainfo.infoHash().hex() + ")";
        }
    }

    /** A {@code .magnet} file's link. */
    record Magnet(MagnetLink link) implements Dropped {

        /** One link on one line; blank space around it, a byte order mark and a final line break are fine. */
        static Magnet parse(String text) throws Unusable {
            String line = text.replace("\uFEFF", "").strip();
            if (line.isEmpty()) {
                throw new Unusable("not a magnet link: the file is empty; a .magnet file holds one magnet link");
            }
            if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new Unusable("not a magnet link: a .magnet file holds one magnet link on one line");
            }
            try {
                return new Magnet(MagnetLink.parse(line));
            } catch (InvalidMagnetException e) {
                throw new Unusable("bad magnet link: " + e.getMessage());
            }
        }

        @Override
        public void addTo(TorrentSink sink, boolean paused) throws EngineException {
            sink.add(link, paused);
        }

        @Override
        public String describe() {
            return link.displayName().orElse("magnet link") + " (" + link.infoHash().hex() + ")";
        }
    }

    /** A file that holds no usable torrent; the message is the one-line reason. */
    final class Unusable extends Exception {

        private static final long serialVersionUID = 1L;

        Unusable(String reason) {
            super(reason);
        }
    }
}
