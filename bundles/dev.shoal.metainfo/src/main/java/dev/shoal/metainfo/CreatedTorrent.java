package dev.shoal.metainfo;

import java.util.Arrays;
import java.util.Objects;

/**
 * A torrent made by a {@link TorrentCreator}.
 *
 * @param bytes    the torrent file (copied in and out)
 * @param metainfo the same torrent parsed back, which checked it
 */
public record CreatedTorrent(byte[] bytes, Metainfo metainfo) {

    public CreatedTorrent {
        bytes = bytes.clone();
        Objects.requireNonNull(metainfo, "metainfo");
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreatedTorrent other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "CreatedTorrent[" + bytes.length + " bytes, " + metainfo + "]";
    }
}
