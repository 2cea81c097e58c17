package dev.shoal.bench.jmh;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BList;
import dev.shoal.bencode.BString;
import dev.shoal.bencode.BValue;
import dev.shoal.bencode.BencodeEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A made-up but realistic multi-file torrent (BEP 3): tracker tiers, a files list whose entries
 * hold a length and a path of one to three components, and a "pieces" string of 20 bytes per
 * piece. Deterministic for a given seed.
 */
final class SyntheticTorrent {

    static final int PIECE_LENGTH = 4 << 20;

    private static final String[] EXTENSIONS = {".flac", ".jpg", ".txt", ".mkv", ".nfo", ".cue"};

    private SyntheticTorrent() {
    }

    static byte[] multiFile(int fileCount, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<BValue> files = new ArrayList<>(fileCount);
        long totalLength = 0;
        for (int i = 0; i < fileCount; i++) {
            // Log-uniform from 16 KiB to 16 MiB: many small files, some large.
            long length = (long) Math.exp(random.nextDouble(Math.log(16 << 10), Math.log(16 << 20)));
            totalLength += length;
            files.add(BDictionary.builder()
                    .put("length", length)
                    .put("path", path(random, i))
                    .build());
        }
        long pieces = (totalLength + PIECE_LENGTH - 1) / PIECE_LENGTH;
        byte[] hashes = new byte[Math.toIntExact(pieces * 20)];
        random.nextBytes(hashes);

        BDictionary info = BDictionary.builder()
                .put("name", "synthetic-" + fileCount)
                .put("piece length", PIECE_LENGTH)
                .put("files", BList.of(files))
                .put("pieces", BString.of(hashes))
                .build();
        BDictionary torrent = BDictionary.builder()
                .put("announce", "udp://tracker.example.org:1337/announce")
                .put("announce-list", BList.of(
                        BList.of(BString.of("udp://tracker.example.org:1337/announce")),
                        BList.of(BString.of("https://tracker.example.net/announce"),
                                BString.of("http://backup.example.net:6969/announce"))))
                .put("comment", "Synthetic torrent for the Shoal bencode benchmarks")
                .put("created by", "Shoal bench")
                .put("creation date", 1_700_000_000L)
                .put("info", info)
                .build();
        return BencodeEncoder.encode(torrent);
    }

    private static BList path(SplittableRandom random, int index) {
        List<BValue> parts = new ArrayList<>(3);
        int depth = 1 + random.nextInt(3);
        if (depth >= 3) {
            parts.add(BString.of(String.format("collection-%03d", random.nextInt(200))));
        }
        if (depth >= 2) {
            parts.add(BString.of(String.format("disc %02d", random.nextInt(40))));
        }
        parts.add(BString.of(String.format("%06d - track title %d%s", index, random.nextInt(1000),
                EXTENSIONS[random.nextInt(EXTENSIONS.length)])));
        return BList.of(parts);
    }
}
