package dev.shoal.shell.internal;

import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.Torrent;
import dev.shoal.shell.internal.args.Args;
import dev.shoal.shell.internal.args.Args.Spec;
import dev.shoal.shell.internal.args.ShellException;
import java.util.ArrayList;
import java.util.List;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Edits a torrent's trackers: add one (to a tier, or in a tier of its own), remove one. Kept across restarts. */
@Component(service = TrackerCommand.class)
@Command(function = "tracker")
public final class TrackerCommand {

    private static final Spec TRACKER = Spec.of("shoal:tracker <torrent> [add <url> [--tier N] | remove <url|#>]", 1, 3)
            .valued("--tier");

    private final Engine engine;

    @Activate
    public TrackerCommand(@Reference Engine engine) {
        this.engine = engine;
    }

    @Descriptor("show a torrent's trackers by tier, numbered; shoal:tracker <torrent> add <url> [--tier N] adds one"
            + " (in a tier of its own after the last unless --tier, from 0), shoal:tracker <torrent> remove"
            + " <url|#> removes one; a running torrent announces to the new list")
    public Object tracker(CommandSession session, String... args) {
        Args parsed = Args.parse(TRACKER, args);
        Torrent torrent = Targets.find(engine, parsed.operand(0));
        List<List<String>> tiers = new ArrayList<>();
        torrent.trackers().forEach(tier -> tiers.add(new ArrayList<>(tier)));
        if (parsed.operands().size() == 1) {
            if (parsed.hasOptions()) {
                throw TRACKER.misuse("--tier goes with add");
            }
            return shown(torrent, tiers);
        }
        if (parsed.operands().size() != 3) {
            throw TRACKER.misuse("add or remove takes one tracker");
        }
        String action = parsed.operand(1);
        String tracker = parsed.operand(2);
        switch (action) {
            case "add" -> add(tiers, tracker, tier(parsed, tiers.size()));
            case "remove" -> {
                if (parsed.hasOptions()) {
                    throw TRACKER.misuse("--tier goes with add");
                }
                remove(tiers, tracker);
            }
            default -> throw TRACKER.misuse("add or remove, not " + action);
        }
        try {
            torrent.setTrackers(tiers);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ShellException(e.getMessage());
        }
        return shown(torrent, torrent.trackers());
    }

    private static int tier(Args parsed, int tiers) {
        String given = parsed.value("--tier").orElse(String.valueOf(tiers));
        try {
            int tier = Integer.parseInt(given);
            if (tier < 0 || tier > tiers) {
                throw TRACKER.misuse("--tier is from 0 to " + tiers + " (a new tier), not " + given);
            }
            return tier;
        } catch (NumberFormatException e) {
            throw TRACKER.misuse("--tier is a number, not " + given);
        }
    }

    private static void add(List<List<String>> tiers, String url, int tier) {
        if (tiers.stream().anyMatch(t -> t.contains(url.strip()))) {
            throw new ShellException("already a tracker of this torrent: " + url);
        }
        if (tier == tiers.size()) {
            tiers.add(new ArrayList<>());
        }
        tiers.get(tier).add(url);
    }

    /** By its URL, or its number as {@link #shown} gives it. */
    private static void remove(List<List<String>> tiers, String tracker) {
        List<String> all = tiers.stream().flatMap(List::stream).toList();
        String url = tracker;
        if (tracker.matches("\\d{1,9}")) {
            int number = Integer.parseInt(tracker);
            if (number < 1 || number > all.size()) {
                throw new ShellException("no tracker #" + number + ": the torrent has " + all.size());
            }
            url = all.get(number - 1);
        }
        String gone = url;
        if (tiers.stream().noneMatch(tier -> tier.remove(gone))) {
            throw new ShellException("not a tracker of this torrent: " + tracker);
        }
    }

    /** {@code trackers of 3 name:} then {@code #1 tier 0 http://...}, one a line; or {@code none}. */
    private static String shown(Torrent torrent, List<List<String>> tiers) {
        StringBuilder text = new StringBuilder("trackers of ").append(Targets.label(torrent)).append(':');
        int number = 0;
        for (int tier = 0; tier < tiers.size(); tier++) {
            for (String url : tiers.get(tier)) {
                text.append("\n#").append(++number).append(" tier ").append(tier).append("  ").append(url);
            }
        }
        return number == 0 ? text.append(" none").toString() : text.toString();
    }
}
