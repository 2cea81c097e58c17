package dev.shoal.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.shoal.metainfo.CreateRequest;
import dev.shoal.metainfo.CreatedTorrent;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.metainfo.TorrentCreator;
import dev.shoal.support.text.Sizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Make a torrent file from a file or a folder, hashing on all cores.")
final class CreateCommand implements Callable<Integer> {

    private static final Set<String> TRACKER_SCHEMES = Set.of("http", "https", "udp", "ws", "wss");
    private static final Set<String> WEB_SEED_SCHEMES = Set.of("http", "https", "ftp");

    @Parameters(index = "0", paramLabel = "FILE-OR-DIR", description = "What to share.")
    Path source;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.torrent",
            description = "Where to write the torrent file.")
    Path output;

    @Option(names = {"-t", "--tracker"}, paramLabel = "URL",
            description = "An announce URL; repeat for more (each becomes its own tier, tried in order).")
    List<String> trackers = new ArrayList<>();

    @Option(names = {"-w", "--web-seed"}, paramLabel = "URL", description = "A web seed URL (BEP 19); repeatable.")
    List<String> webSeeds = new ArrayList<>();

    @Option(names = {"-s", "--piece-size"}, paramLabel = "N|auto", defaultValue = "auto",
            description = "Bytes per piece, a power of two from 16K to 256M (e.g. 262144, 256K, 1M), "
                    + "or auto (default: about 1000-2000 pieces).")
    String pieceSize;

    @Option(names = {"-p", "--private"}, description = "Mark the torrent private (BEP 27): peers only from its trackers.")
    boolean isPrivate;

    @Option(names = {"-c", "--comment"}, paramLabel = "TEXT", description = "A comment stored in the torrent.")
    String comment;

    @Option(names = {"-f", "--force"}, description = "Overwrite the output file if it exists.")
    boolean force;

    private final TorrentCreator creator;
    private final PrintWriter out;
    private final PrintWriter err;
    private final String createdBy;

    CreateCommand(TorrentCreator creator, String createdBy, PrintWriter out, PrintWriter err) {
        this.creator = creator;
        this.createdBy = createdBy;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        try {
            CreateRequest request = request();
            if (Files.exists(output) && !force) {
                throw new CommandFailure(output + ": already exists (use --force to overwrite)");
            }
            CreatedTorrent created;
            try (ProgressLine progress = new ProgressLine(err, "hashing " + source.getFileName())) {
                created = creator.create(request, progress);
            } catch (IOException e) {
                throw new CommandFailure(source + ": " + e.getMessage());
            }
            write(created.bytes());
            report(created.metainfo());
            return 0;
        } catch (CommandFailure e) {
            err.println("shoal: " + e.getMessage());
            return ShoalCommandLine.EXIT_FAILURE;
        }
    }

    private CreateRequest request() throws CommandFailure {
        if (!Files.exists(source)) {
            throw new CommandFailure(source + ": no such file or directory");
        }
        CreateRequest.Builder builder = CreateRequest.builder(source)
                .privateFlag(isPrivate)
                .pieceLength(pieceLength())
                .createdBy(createdBy);
        for (String url : trackers) {
            builder.tracker(checkedUrl(url, TRACKER_SCHEMES, "tracker"));
        }
        for (String url : webSeeds) {
            builder.webSeed(checkedUrl(url, WEB_SEED_SCHEMES, "web seed"));
        }
        if (comment != null) {
            builder.comment(comment);
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    private int pieceLength() throws CommandFailure {
        if (pieceSize.equalsIgnoreCase("auto")) {
            return CreateRequest.AUTO_PIECE_LENGTH;
        }
        long bytes;
        try {
            bytes = Sizes.parse(pieceSize);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("--piece-size: " + e.getMessage());
        }
        if (bytes < CreateRequest.MIN_PIECE_LENGTH || bytes > CreateRequest.MAX_PIECE_LENGTH || Long.bitCount(bytes) != 1) {
            throw new CommandFailure("--piece-size must be a power of two from 16K to 256M, not " + pieceSize);
        }
        return (int) bytes;
    }

    private static String checkedUrl(String url, Set<String> schemes, String what) throws CommandFailure {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!schemes.contains(scheme) || uri.getHost() == null) {
                throw new CommandFailure("not a " + what + " URL: \"" + url + "\" (expected "
                        + String.join(", ", schemes.stream().sorted().toList()) + " with a host)");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new CommandFailure("not a " + what + " URL: \"" + url + "\": " + e.getReason());
        }
    }

    /** Writes beside the target and renames, so a failed run never leaves half a torrent file. */
    private void write(byte[] torrent) throws CommandFailure {
        Path target = output.toAbsolutePath();
        Path temp = null;
        try {
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
            Files.write(temp, torrent);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new CommandFailure(output + ": cannot write: " + e.getMessage());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // It was moved already, or there is nothing more we can do.
                }
            }
        }
    }

    private void report(Metainfo torrent) {
        out.printf("Created %s: %s, %s in %d pieces of %s, info hash %s%n", output, torrent.name(),
                Sizes.of(torrent.totalLength()), torrent.pieceCount(), Sizes.of(torrent.pieceLength()),
                torrent.infoHash().hex());
    }
}
