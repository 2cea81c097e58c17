package dev.shoal.bencode;

/** Something the decoder accepted although bencode forbids it (real torrents do it). */
public record BencodeWarning(long offset, String message) {

    @Override
    public String toString() {
        return "at byte " + offset + ": " + message;
    }
}
