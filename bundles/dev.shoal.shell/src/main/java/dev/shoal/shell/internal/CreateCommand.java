package dev.shoal.shell.internal;

import dev.shoal.metainfo.CreateRequest;
import dev.shoal.metainfo.CreatedTorrent;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.metainfo.TorrentCreator;
import dev.shoal.shell.internal.args.Args;
import dev.shoal.shell.internal.args.Args.Spec;
import dev.shoal.shell.internal.args.ShellException;
import dev.shoal.support.text.Sizes;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Set;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code shoal:create}: a torrent file from a file or folder, hashed by the TorrentCreator service.
 * The service comes and goes with dev.shoal.create, so the command stays and says so while it is away.
 */
@Component(service = CreateCommand.class)
@Command(function = "create")
public final class CreateCommand {

    private static final Spec CREATE = Spec.of("shoal:create <file|dir> [--tracker URL]... [--out FILE]"
            + " [--piece-size 16K..256M] [--private] [--comment C] [--force]", 1, 1)
            .valued("--tracker", "--out", "--piece-size", "--comment").flags("--private", "--force");
    private static final Set<String> TRACKER_SCHEMES = Set.of("http", "https", "udp");

    static final String UNAVAILABLE = "torrent creation is not available (dev.shoal.create stopped)";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TorrentCreator creator;
    private final String createdBy;

    @Activate
    public CreateCommand(BundleContext context) {
        this.createdBy = "Shoal " + context.getBundle().getVersion();
    }

    public CreateCommand(TorrentCreator creator, String createdBy) {
        this.creator = creator;
        this.createdBy = createdBy;
    }

    @Descriptor("make a torrent file of a file or folder: shoal:create <file|dir> [--tracker URL]... [--out FILE]"
            + " [--piece-size S] [--private] [--comment C] [--force]; --out defaults to <name>.torrent here")
    public Object create(CommandSession session, String... args) throws InterruptedException {
        Args parsed = Args.parse(CREATE, args);
        TorrentCreator hasher = creator;
        if (hasher == null) {
            throw new ShellException(UNAVAILABLE);
        }
        Path cwd = Targets.currentDirectory(session);
        Path source = Targets.resolve(cwd, parsed.operand(0));
        if (!Files.exists(source)) {
            throw new ShellException(source + ": no such file or directory");
        }
        Path out = parsed.value("--out").map(o -> Targets.resolve(cwd, o))
                .orElseGet(() -> cwd.resolve(source.getFileName() + ".torrent"));
        if (!Files.isDirectory(out.getParent())) {
            throw new ShellException(out + ": no such folder " + out.getParent());
        }
        if (Files.exists(out) && !parsed.flag("--force")) {
            throw new ShellException(out + ": already exists (--force overwrites it)");
        }
        CreateRequest.Builder request = CreateRequest.builder(source).privateFlag(parsed.flag("--private"))
                .pieceLength(pieceLength(parsed)).createdBy(createdBy);
        for (String tracker : parsed.values("--tracker")) {
            request.tracker(tracker(tracker));
        }
        parsed.value("--comment").ifPresent(request::comment);
        CreatedTorrent created;
        try {
            created = hasher.create(request.build());
        } catch (InterruptedIOException e) {
            throw new InterruptedException("hashing " + source + " was interrupted");
        } catch (IOException | IllegalArgumentException e) {
            throw new ShellException(source + ": " + e.getMessage(), e);
        }
        write(out, created.bytes());
        Metainfo m = created.metainfo();
        return "created " + out + ": " + m.name() + ", " + Sizes.of(m.totalLength()) + " in " + m.pieceCount()
                + " pieces of " + Sizes.of(m.pieceLength()) + ", info hash " + m.infoHash().hex();
    }

    private static int pieceLength(Args parsed) {
        if (parsed.value("--piece-size").isEmpty()) {
            return CreateRequest.AUTO_PIECE_LENGTH;
        }
        String text = parsed.value("--piece-size").get();
        long bytes;
        try {
            bytes = Sizes.parse(text);
        } catch (IllegalArgumentException e) {
            throw CREATE.misuse("--piece-size: " + e.getMessage());
        }
        if (bytes < CreateRequest.MIN_PIECE_LENGTH || bytes > CreateRequest.MAX_PIECE_LENGTH || Long.bitCount(bytes) != 1) {
            throw CREATE.misuse("--piece-size must be a power of two from 16K to 256M, not " + text);
        }
        return (int) bytes;
    }

    private static String tracker(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (TRACKER_SCHEMES.contains(scheme) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // Said below, with the URL.
        }
        throw CREATE.misuse("--tracker: not a tracker URL: \"" + url + "\" (http, https or udp, with a host)");
    }

    /**
     * Writes beside the target and renames it into place (same folder, so the rename is atomic):
     * a failure never leaves half a torrent file.
     */
    private static void write(Path target, byte[] torrent) {
        Path temp = target.resolveSibling("." + target.getFileName() + ".part");
        try {
            Files.write(temp, torrent);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new ShellException(target + ": cannot write: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // What the failure said matters more than this leftover.
        }
    }
}
