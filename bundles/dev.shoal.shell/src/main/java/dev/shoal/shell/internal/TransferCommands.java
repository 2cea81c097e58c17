package dev.shoal.shell.internal;

import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.RateLimits;
import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.Torrent;
import dev.shoal.shell.internal.args.Args;
import dev.shoal.shell.internal.args.Args.Spec;
import dev.shoal.shell.internal.view.TorrentViews;
import dev.shoal.support.text.Rates;
import dev.shoal.support.text.Shares;
import dev.shoal.support.text.Spans;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** How fast and how long: rate limits (global or a torrent's) and seed goals. */
@Component(service = TransferCommands.class)
@Command(function = {"limit", "goal"})
public final class TransferCommands {

    private static final Spec LIMIT = Spec.of("shoal:limit [--down RATE] [--up RATE] [<torrent>]"
            + " (RATE like 500K or 2M, 0 = unlimited)", 0, 1).valued("--down", "--up");
    private static final Spec GOAL = Spec.of("shoal:goal <torrent> [--ratio R|none] [--time T|none] [--forever]"
            + " (T like 90m or 2h)", 1, 1).valued("--ratio", "--time").flags("--forever");

    private final Engine engine;

    @Activate
    public TransferCommands(@Reference Engine engine) {
        this.engine = engine;
    }

    @Descriptor("show or set rate limits, of every torrent together or of one:"
            + " shoal:limit [--down RATE] [--up RATE] [<torrent>]; RATE like 500K, 2M; 0 = unlimited."
            + " Global limits set here last until a restart; shoal:config dev.shoal.engine downloadLimitKiB N keeps them")
    public Object limit(CommandSession session, String... args) {
        Args parsed = Args.parse(LIMIT, args);
        Optional<Torrent> torrent = parsed.operands().isEmpty() ? Optional.empty()
                : Optional.of(Targets.find(engine, parsed.operand(0)));
        String whose = torrent.map(t -> "limits of " + Targets.label(t)).orElse("global limits");
        RateLimits current = torrent.map(Torrent::rateLimits).orElseGet(engine::globalRateLimits);
        if (!parsed.hasOptions()) {
            return whose + ": " + TorrentViews.limits(current);
        }
        RateLimits changed = new RateLimits(
                parsed.value("--down").map(r -> rate(LIMIT, "--down", r)).orElse(current.downloadBytesPerSecond()),
                parsed.value("--up").map(r -> rate(LIMIT, "--up", r)).orElse(current.uploadBytesPerSecond()));
        if (torrent.isPresent()) {
            torrent.get().setRateLimits(changed);
        } else {
            engine.setGlobalRateLimits(changed);
        }
        return whose + ": " + TorrentViews.limits(changed) + " (were " + TorrentViews.limits(current) + ")";
    }

    @Descriptor("show or set when a torrent stops seeding (the first goal reached):"
            + " shoal:goal <torrent> [--ratio R|none] [--time T|none] [--forever]")
    public Object goal(CommandSession session, String... args) {
        Args parsed = Args.parse(GOAL, args);
        Torrent torrent = Targets.find(engine, parsed.operand(0));
        SeedGoal current = torrent.seedGoal();
        String whose = "seed goal of " + Targets.label(torrent);
        if (!parsed.hasOptions()) {
            return whose + ": " + TorrentViews.goal(current);
        }
        SeedGoal changed;
        if (parsed.flag("--forever")) {
            if (parsed.value("--ratio").isPresent() || parsed.value("--time").isPresent()) {
                throw GOAL.misuse("--forever goes alone");
            }
            changed = SeedGoal.FOREVER;
        } else {
            OptionalDouble ratio = parsed.value("--ratio").map(TransferCommands::ratio).orElse(current.ratio());
            Optional<Duration> time = parsed.value("--time").map(TransferCommands::time).orElse(current.time());
            changed = new SeedGoal(ratio, time);
        }
        torrent.setSeedGoal(changed);
        return whose + ": " + TorrentViews.goal(changed) + " (was " + TorrentViews.goal(current) + ")";
    }

    private static long rate(Spec spec, String option, String text) {
        try {
            return Rates.parse(text);
        } catch (IllegalArgumentException e) {
            throw spec.misuse(option + ": " + e.getMessage());
        }
    }

    private static OptionalDouble ratio(String text) {
        if (text.equalsIgnoreCase("none")) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Shares.parseRatio(text));
        } catch (IllegalArgumentException e) {
            throw GOAL.misuse("--ratio: " + e.getMessage() + ", or none");
        }
    }

    private static Optional<Duration> time(String text) {
        if (text.toLowerCase(Locale.ROOT).equals("none")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Spans.parse(text));
        } catch (IllegalArgumentException e) {
            throw GOAL.misuse("--time: " + e.getMessage());
        }
    }
}
