package dev.shoal.storage.internal.layout;

/**
 * A run of the torrent's byte stream that lies in one file.
 *
 * @param file       index into the torrent's files
 * @param fileOffset where the run starts in that file
 * @param length     bytes
 * @param padding    true for a BEP 47 pad file: zeros, never on disk
 */
public record Span(int file, long fileOffset, int length, boolean padding) {
}
