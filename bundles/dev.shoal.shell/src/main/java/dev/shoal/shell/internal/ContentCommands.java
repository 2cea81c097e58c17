package dev.shoal.shell.internal;

import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.FilePriority;
import dev.shoal.engine.api.FileStatus;
import dev.shoal.engine.api.PeerStatus;
import dev.shoal.engine.api.Torrent;
import dev.shoal.shell.internal.args.Args;
import dev.shoal.shell.internal.args.Args.Spec;
import dev.shoal.shell.internal.args.FileSelection;
import dev.shoal.shell.internal.view.DetailViews;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Inside a torrent: its files and their priorities, its peers, its trackers. */
@Component(service = ContentCommands.class)
@Command(function = {"files", "prio", "peers", "trackers"})
public final class ContentCommands {

    private static final Spec FILES = Spec.of("shoal:files <torrent>", 1, 1);
    private static final Spec PRIO = Spec.of("shoal:prio <torrent> <file#|a-b|all>[,...] high|normal|skip", 3, 3);
    private static final Spec PEERS = Spec.of("shoal:peers <torrent>", 1, 1);
    private static final Spec TRACKERS = Spec.of("shoal:trackers <torrent>", 1, 1);

    private final Engine engine;

    @Activate
    public ContentCommands(@Reference Engine engine) {
        this.engine = engine;
    }

    @Descriptor("a torrent's files, numbered for shoal:prio, with their priority and progress: shoal:files <torrent>")
    public Object files(CommandSession session, String... args) {
        return DetailViews.files(Targets.find(engine, Args.parse(FILES, args).operand(0)).files());
    }

    @Descriptor("download files first, normally or not at all:"
            + " shoal:prio <torrent> <file#|a-b|all>[,...] high|normal|skip")
    public Object prio(CommandSession session, String... args) {
        Args parsed = Args.parse(PRIO, args);
        FilePriority priority;
        try {
            priority = FilePriority.valueOf(parsed.operand(2).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw PRIO.misuse("no priority \"" + parsed.operand(2) + "\"");
        }
        Torrent torrent = Targets.find(engine, parsed.operand(0));
        List<FileStatus> files = torrent.files();
        BitSet selected;
        try {
            selected = FileSelection.parse(parsed.operand(1), files.size());
        } catch (IllegalArgumentException e) {
            throw PRIO.misuse(e.getMessage());
        }
        for (int i = selected.nextSetBit(0); i >= 0; i = selected.nextSetBit(i + 1)) {
            torrent.setFilePriority(files.get(i).index(), priority);
        }
        String which = selected.cardinality() == 1 ? "file " + (selected.nextSetBit(0) + 1) + " ("
                + files.get(selected.nextSetBit(0)).path() + ")" : selected.cardinality() + " files";
        return Targets.label(torrent) + ": " + which + " " + priority.name().toLowerCase(Locale.ROOT);
    }

    @Descriptor("the peers a torrent is connected to: shoal:peers <torrent>")
    public Object peers(CommandSession session, String... args) {
        Torrent torrent = Targets.find(engine, Args.parse(PEERS, args).operand(0));
        List<PeerStatus> peers = torrent.peers();
        return peers.isEmpty() ? Targets.label(torrent) + ": no peers connected" : DetailViews.peers(peers);
    }

    @Descriptor("a torrent's trackers and what they last said: shoal:trackers <torrent>")
    public Object trackers(CommandSession session, String... args) {
        Torrent torrent = Targets.find(engine, Args.parse(TRACKERS, args).operand(0));
        var trackers = torrent.status().trackers();
        return trackers.isEmpty() ? Targets.label(torrent) + ": no trackers" : DetailViews.trackers(trackers);
    }
}
