package dev.shoal.create.standalone;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Writes test files and computes reference piece hashes the slow, obvious way. */
public final class TestFiles {

    private TestFiles() {
    }

    public static byte[] randomBytes(int length, long seed) {
        byte[] data = new byte[length];
        new Random(seed).nextBytes(data);
        return data;
    }

    public static Path write(Path file, byte[] data) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, data);
    }

    /** SHA-1 of each piece of {@code data}, one thread, no cleverness. */
    public static byte[] referencePieces(byte[] data, int pieceLength) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int start = 0; start < data.length; start += pieceLength) {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(data, start, Math.min(pieceLength, data.length - start));
            out.write(sha1.digest());
        }
        return out.toByteArray();
    }

    /** The files' contents laid end to end. */
    public static byte[] concat(List<Path> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Path file : files) {
            out.write(Files.readAllBytes(file));
        }
        return out.toByteArray();
    }

    public static byte[] slice(byte[] data, int from, int to) {
        return Arrays.copyOfRange(data, from, to);
    }
}
