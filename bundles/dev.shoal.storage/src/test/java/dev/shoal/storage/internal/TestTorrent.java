package dev.shoal.storage.internal;

import dev.shoal.metainfo.FileAttribute;
import dev.shoal.metainfo.FileEntry;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.metainfo.TorrentVersion;
import dev.shoal.storage.api.TorrentStorage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** A real v1 torrent over random content, built with Metainfo's canonical constructor, for tests. */
final class TestTorrent {

    /** One file: its path below the torrent name (ignored for a single file), length, and pad flag. */
    record Spec(String path, long length, boolean pad) {

        static Spec file(String path, long length) {
            return new Spec(path, length, false);
        }

        static Spec pad(long length) {
            return new Spec(".pad/" + length, length, true);
        }
    }

    final Metainfo metainfo;
    final byte[] content;

    private TestTorrent(Metainfo metainfo, byte[] content) {
        this.metainfo = metainfo;
        this.content = content;
    }

    static TestTorrent single(String name, int length, int pieceLength, long seed) {
        return build(name, pieceLength, true, seed, List.of(Spec.file(name, length)));
    }

    static TestTorrent multi(String name, int pieceLength, long seed, Spec... specs) {
        return build(name, pieceLength, false, seed, List.of(specs));
    }

    /** Any paths at all, hostile ones included: the point is to get past the parser. */
    static TestTorrent withPaths(String name, int pieceLength, List<List<String>> paths, int lengthEach) {
        List<FileEntry> files = new ArrayList<>();
        long offset = 0;
        for (List<String> path : paths) {
            files.add(FileEntry.of(path, lengthEach, offset));
            offset += lengthEach;
        }
        return finish(name, pieceLength, false, files, new byte[(int) offset]);
    }

    private static TestTorrent build(String name, int pieceLength, boolean single, long seed, List<Spec> specs) {
        long total = specs.stream().mapToLong(Spec::length).sum();
        byte[] content = new byte[Math.toIntExact(total)];
        new Random(seed).nextBytes(content);
        List<FileEntry> files = new ArrayList<>();
        long offset = 0;
        for (Spec spec : specs) {
            List<String> path = new ArrayList<>();
            if (!single) {
                path.add(name);
            }
            path.addAll(Arrays.asList(spec.path().split("/")));
            if (spec.pad()) {
                Arrays.fill(content, (int) offset, (int) (offset + spec.length()), (byte) 0);
            }
            files.add(new FileEntry(path, spec.length(), offset,
                    spec.pad() ? Set.of(FileAttribute.PADDING) : Set.of(), List.of(), new byte[0]));
            offset += spec.length();
        }
        return finish(name, pieceLength, single, files, content);
    }

    private static TestTorrent finish(String name, int pieceLength, boolean single, List<FileEntry> files,
            byte[] content) {
        int pieceCount = (content.length + pieceLength - 1) / pieceLength;
        byte[] pieces = new byte[pieceCount * 20];
        for (int i = 0; i < pieceCount; i++) {
            int end = Math.min(content.length, (i + 1) * pieceLength);
            System.arraycopy(sha1(Arrays.copyOfRange(content, i * pieceLength, end)), 0, pieces, i * 20, 20);
        }
        byte[] rawInfo = (name + ":" + Arrays.hashCode(pieces)).getBytes(StandardCharsets.UTF_8);
        Metainfo metainfo = new Metainfo(name, TorrentVersion.V1, pieceLength, pieceCount, content.length, files,
                single, List.of(), List.of(), false, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(InfoHash.v1(sha1(rawInfo))), Optional.empty(), pieces, rawInfo,
                List.of());
        return new TestTorrent(metainfo, content);
    }

    /** The bytes of one block, as a fresh buffer the storage may own. */
    ByteBuffer block(int piece, int offset) {
        int start = piece * metainfo.pieceLength() + offset;
        int length = Math.min(TorrentStorage.BLOCK_LENGTH, metainfo.pieceSize(piece) - offset);
        return ByteBuffer.wrap(Arrays.copyOfRange(content, start, start + length));
    }

    /** Every block of the given pieces as (piece, offset) pairs, shuffled. */
    List<int[]> blocks(List<Integer> pieces, long seed) {
        List<int[]> blocks = new ArrayList<>();
        for (int piece : pieces) {
            for (int offset = 0; offset < metainfo.pieceSize(piece); offset += TorrentStorage.BLOCK_LENGTH) {
                blocks.add(new int[] {piece, offset});
            }
        }
        Collections.shuffle(blocks, new Random(seed));
        return blocks;
    }

    List<Integer> allPieces() {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < metainfo.pieceCount(); i++) {
            all.add(i);
        }
        return all;
    }

    /** Writes the pieces' blocks in random order, all at once, and waits for the disk thread to settle. */
    void write(TorrentStorage storage, List<Integer> pieces, long seed) {
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int[] block : blocks(pieces, seed)) {
            writes.add(storage.writeBlock(block[0], block[1], block(block[0], block[1])).toCompletableFuture());
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        settle(storage);
    }

    /** Waits until everything queued before it (hashing included) is done: the disk thread is FIFO. */
    static void settle(TorrentStorage storage) {
        storage.saveResume().toCompletableFuture().join();
    }

    byte[] fileBytes(int file) {
        FileEntry entry = metainfo.files().get(file);
        return Arrays.copyOfRange(content, (int) entry.offset(), (int) entry.end());
    }

    static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
