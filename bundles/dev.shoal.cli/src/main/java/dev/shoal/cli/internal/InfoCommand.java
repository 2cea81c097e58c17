package dev.shoal.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import dev.shoal.metainfo.InvalidMagnetException;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.support.torrent.TorrentSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show what a torrent file or magnet link holds: name, size, pieces, info-hashes, "
                + "trackers, web seeds, files.")
final class InfoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TORRENT|URL|MAGNET",
            description = "A .torrent file, its http(s) URL or a magnet: link.")
    String target;

    @Option(names = "--json", description = "Print one JSON object, for scripts.")
    boolean json;

    private final TorrentSource source;
    private final PrintWriter out;
    private final PrintWriter err;

    InfoCommand(TorrentSource source, PrintWriter out, PrintWriter err) {
        this.source = source;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        try {
            if (target.regionMatches(true, 0, "magnet:", 0, 7)) {
                show(MagnetLink.parse(target));
            } else {
                show(TorrentInput.load(source, target));
            }
            out.flush();
            return 0;
        } catch (CommandFailure e) {
            err.println("shoal: " + e.getMessage());
            return ShoalCommandLine.EXIT_FAILURE;
        } catch (InvalidMagnetException e) {
            err.println("shoal: bad magnet link: " + new CommandFailure(e.getMessage()).getMessage());
            return ShoalCommandLine.EXIT_FAILURE;
        } catch (InterruptedException e) {
            err.println("shoal: interrupted");
            return ShoalCommandLine.EXIT_FAILURE;
        }
    }

    private void show(Metainfo torrent) throws IOException {
        if (json) {
            TorrentJson.write(torrent, out);
            out.println();
        } else {
            TorrentText.print(torrent, out);
        }
    }

    private void show(MagnetLink magnet) throws IOException {
        if (json) {
            TorrentJson.write(magnet, out);
            out.println();
        } else {
            TorrentText.print(magnet, out);
        }
    }
}
