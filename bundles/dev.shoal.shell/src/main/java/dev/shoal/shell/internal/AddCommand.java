package dev.shoal.shell.internal;

import dev.shoal.engine.api.Engine;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.shell.internal.args.Args;
import dev.shoal.shell.internal.args.Args.Spec;
import dev.shoal.support.torrent.TorrentSource;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code shoal:add}: a torrent from a file or an http(s) URL, into the engine. */
@Component(service = AddCommand.class)
@Command(function = "add")
public final class AddCommand {

    private static final Spec ADD = Spec.of("shoal:add <file|http(s)-url> [--dir D] [--paused]", 1, 1)
            .flags(Adding.FLAGS).valued(Adding.VALUED);

    private final Engine engine;
    private final TorrentSource source;

    @Activate
    public AddCommand(@Reference Engine engine, BundleContext context) {
        this(engine, new TorrentSource("Shoal/" + context.getBundle().getVersion()));
    }

    public AddCommand(Engine engine, TorrentSource source) {
        this.engine = engine;
        this.source = source;
    }

    @Descriptor("add a torrent and start it: shoal:add <file|http(s)-url|magnet-link> [--dir D] [--paused];"
            + " relative paths start at the session's directory")
    public Object add(CommandSession session, String... args) throws InterruptedException {
        Args parsed = Args.parse(ADD, args);
        Path cwd = Targets.currentDirectory(session);
        Optional<MagnetLink> magnet = Targets.magnet(parsed.operand(0));
        if (magnet.isPresent()) {
            return Adding.add(engine, magnet.get(), parsed, cwd);
        }
        Metainfo metainfo = Targets.load(source, parsed.operand(0), cwd);
        return Adding.add(engine, metainfo, parsed, cwd);
    }
}
