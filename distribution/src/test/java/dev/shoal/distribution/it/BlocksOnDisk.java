package dev.shoal.distribution.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;

import dev.shoal.test.support.Torrent;

/**
 * Which 16 KiB blocks of a torrent (numbered through the torrent) a download folder holds now, byte
 * for byte as the seed has them: what a killed client had written when it died. A hole of a sparse
 * file, a short or missing file, is not a block held.
 */
final class BlocksOnDisk {

    static final int BLOCK = 16 * 1024;

    private BlocksOnDisk() {
    }

    static BitSet of(Torrent torrent, Path seedDir, Path downloadDir) throws IOException {
        BitSet held = new BitSet();
        byte[] expected = new byte[BLOCK];
        byte[] actual = new byte[BLOCK];
        try (Concatenated seed = new Concatenated(torrent, seedDir);
                Concatenated download = new Concatenated(torrent, downloadDir)) {
            long total = torrent.totalLength();
            for (int block = 0; (long) block * BLOCK < total; block++) {
                int length = (int) Math.min(BLOCK, total - (long) block * BLOCK);
                seed.read(expected, length);
                if (download.read(actual, length) && Arrays.equals(expected, 0, length, actual, 0, length)) {
                    held.set(block);
                }
            }
        }
        return held;
    }

    /** A torrent's files read one after the other as one stream. */
    private static final class Concatenated implements AutoCloseable {
        private final Torrent torrent;
        private final Path dir;
        private int file = -1;
        private long position;
        private InputStream in;

        Concatenated(Torrent torrent, Path dir) {
            this.torrent = torrent;
            this.dir = dir;
        }

        /** Reads the next {@code length} bytes; false when part of them is not on disk. */
        boolean read(byte[] into, int length) throws IOException {
            boolean whole = true;
            int done = 0;
            while (done < length) {
                if (file < 0 || position == torrent.files().get(file).length()) {
                    next();
                    continue;
                }
                int chunk = (int) Math.min(length - done, torrent.files().get(file).length() - position);
                int read = in == null ? 0 : in.readNBytes(into, done, chunk);
                if (read < chunk) {
                    whole = false;
                    Arrays.fill(into, done + read, done + chunk, (byte) 0);
                    close();
                }
                done += chunk;
                position += chunk;
            }
            return whole;
        }

        private void next() throws IOException {
            close();
            file++;
            position = 0;
            Path path = dir.resolve(torrent.files().get(file).path());
            in = Files.isRegularFile(path) ? Files.newInputStream(path) : null;
        }

        @Override
        public void close() throws IOException {
            if (in != null) {
                in.close();
                in = null;
            }
        }
    }
}
