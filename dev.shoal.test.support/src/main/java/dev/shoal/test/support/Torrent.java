package dev.shoal.test.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A v1 .torrent a test swarm runs on, with what the clients and the tracker need to know of it: the
 * info-hash (hex, as opentracker's whitelist wants it), the name (the top folder or file the clients
 * read and write under their data directory), piece and total length. Made by {@code mktorrent} so
 * that a swarm test does not depend on Shoal's own torrent code, and read back with a small bencode
 * walker of its own for the same reason.
 */
public record Torrent(Path file, String infoHash, String name, long pieceLength, long totalLength,
        List<Entry> files) {

    /** A file of the torrent, in the torrent's order; {@code path} is relative to a client's data directory. */
    public record Entry(String path, long length) {
    }

    public Torrent {
        files = List.copyOf(files);
    }

    /** The number of pieces. */
    public int pieceCount() {
        return (int) ((totalLength + pieceLength - 1) / pieceLength);
    }

    /** The magnet link with the info-hash and {@code tracker} alone: a client given it must fetch the metadata. */
    public String magnet(URI tracker) {
        return "magnet:?xt=urn:btih:" + infoHash + "&tr="
                + URLEncoder.encode(tracker.toString(), StandardCharsets.UTF_8);
    }

    /**
     * Runs {@code mktorrent} on {@code content} (a file or folder; its file name becomes the torrent's
     * name) and writes {@code out}, without a creation date so that the same content gives the same
     * torrent. Each tracker becomes a tier of its own; none is allowed.
     *
     * @param pieceLengthExponent piece length as a power of two, 15 (32 KiB) to 24 (16 MiB)
     */
    public static Torrent mktorrent(Path content, Path out, List<URI> trackers, int pieceLengthExponent) {
        if (pieceLengthExponent < 15 || pieceLengthExponent > 24) {
            throw new IllegalArgumentException("piece length exponent out of 15..24: " + pieceLengthExponent);
        }
        List<String> command = new ArrayList<>(List.of(SystemProgram.require("mktorrent").toString(), "-d",
                "-l", String.valueOf(pieceLengthExponent), "-n", content.getFileName().toString(),
                "-o", out.toString()));
        for (URI tracker : trackers) {
            command.add("-a");
            command.add(tracker.toString());
        }
        command.add(content.toString());
        try {
            Files.deleteIfExists(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Processes.run(command, Duration.ofSeconds(120)).assertSuccess();
        return read(out);
    }

    /** Reads a v1 (or hybrid) .torrent: the info-hash is the SHA-1 of the info dictionary's exact bytes. */
    public static Torrent read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Walker walker = new Walker(bytes);
        Span info = walker.dict(0).get("info");
        if (info == null) {
            throw new IllegalArgumentException(file + ": no info dictionary");
        }
        Map<String, Span> fields = walker.dict(info.start());
        String name = walker.string(fields.get("name"));
        List<Entry> files = new ArrayList<>();
        if (fields.containsKey("length")) {
            files.add(new Entry(name, walker.integer(fields.get("length"))));
        } else {
            for (Span entry : walker.list(fields.get("files").start())) {
                Map<String, Span> fileFields = walker.dict(entry.start());
                StringBuilder path = new StringBuilder(name);
                for (Span part : walker.list(fileFields.get("path").start())) {
                    path.append('/').append(walker.string(part));
                }
                files.add(new Entry(path.toString(), walker.integer(fileFields.get("length"))));
            }
        }
        long total = files.stream().mapToLong(Entry::length).sum();
        return new Torrent(file, sha1Hex(bytes, info), name, walker.integer(fields.get("piece length")), total,
                files);
    }

    private static String sha1Hex(byte[] bytes, Span span) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(bytes, span.start(), span.end() - span.start());
            return HexFormat.of().formatHex(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value's bytes in the file: [start, end). */
    private record Span(int start, int end) {
    }

    /** Just enough bencode to find values in a well-formed torrent from mktorrent; not a validator. */
    private record Walker(byte[] bytes) {

        Map<String, Span> dict(int at) {
            expect(at, 'd');
            Map<String, Span> entries = new LinkedHashMap<>();
            int pos = at + 1;
            while (bytes[pos] != 'e') {
                Span key = span(pos);
                Span value = span(key.end());
                entries.put(string(key), value);
                pos = value.end();
            }
            return entries;
        }

        List<Span> list(int at) {
            expect(at, 'l');
            List<Span> items = new ArrayList<>();
            int pos = at + 1;
            while (bytes[pos] != 'e') {
                Span item = span(pos);
                items.add(item);
                pos = item.end();
            }
            return items;
        }

        long integer(Span span) {
            expect(span.start(), 'i');
            return Long.parseLong(ascii(span.start() + 1, span.end() - 1));
        }

        String string(Span span) {
            int colon = indexOf(':', span.start());
            return new String(bytes, colon + 1, span.end() - colon - 1, StandardCharsets.UTF_8);
        }

        /** The value starting at {@code at}. */
        Span span(int at) {
            return switch (bytes[at]) {
                case 'i' -> new Span(at, indexOf('e', at) + 1);
                case 'l' -> new Span(at, closing(at));
                case 'd' -> new Span(at, closing(at));
                default -> {
                    int colon = indexOf(':', at);
                    yield new Span(at, colon + 1 + Integer.parseInt(ascii(at, colon)));
                }
            };
        }

        /** End of the list or dictionary at {@code at}: its items, keys included, are each one value. */
        private int closing(int at) {
            int pos = at + 1;
            while (bytes[pos] != 'e') {
                pos = span(pos).end();
            }
            return pos + 1;
        }

        private int indexOf(char c, int from) {
            for (int i = from; i < bytes.length; i++) {
                if (bytes[i] == c) {
                    return i;
                }
            }
            throw new IllegalArgumentException("no '" + c + "' after offset " + from);
        }

        private String ascii(int from, int to) {
            return new String(bytes, from, to - from, StandardCharsets.US_ASCII);
        }

        private void expect(int at, char c) {
            if (bytes[at] != c) {
                throw new IllegalArgumentException("expected '" + c + "' at offset " + at);
            }
        }
    }
}
