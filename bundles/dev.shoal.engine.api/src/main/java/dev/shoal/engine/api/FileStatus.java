package dev.shoal.engine.api;

/**
 * One file of a torrent at one moment.
 *
 * @param index         its place in the torrent's file list (padding files excluded), from 0
 * @param path          its path inside the torrent, '/'-separated
 * @param size          its length in bytes
 * @param verifiedBytes bytes of it in verified pieces
 * @param priority      how much it is wanted
 */
public record FileStatus(int index, String path, long size, long verifiedBytes, FilePriority priority) {

    /** Verified share of the file, 0..1. */
    public double progress() {
        return size == 0 ? 1.0 : (double) verifiedBytes / size;
    }
}
