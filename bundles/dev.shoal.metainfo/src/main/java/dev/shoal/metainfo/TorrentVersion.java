package dev.shoal.metainfo;

/** Which BitTorrent protocol versions a torrent's info dictionary describes. */
public enum TorrentVersion {
    /** BEP 3: SHA-1 piece hashes over the concatenated files. */
    V1,
    /** BEP 52: a SHA-256 merkle tree per file. */
    V2,
    /** Both at once, over the same files (v1 with pad files aligning each file to a piece). */
    HYBRID;

    /** True for {@link #V1} and {@link #HYBRID}. */
    public boolean hasV1() {
        return this != V2;
    }

    /** True for {@link #V2} and {@link #HYBRID}. */
    public boolean hasV2() {
        return this != V1;
    }
}
