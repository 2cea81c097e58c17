package dev.shoal.rpc.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.RateLimits;
import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TrackerInfo;
import dev.shoal.metainfo.MagnetLink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * {@code torrent-set}: rate limits, the seed ratio, the idle seeding limit, labels, the location (the
 * data looked for there, not moved: {@code torrent-set-location} moves), the files' wanted flags and
 * priorities, the trackers ({@link TrackerEdits}) and the place in the queue.
 * Everything is read and checked before anything changes, so a refused request changes nothing.
 */
final class TorrentSet implements RpcMethod {

    /** {@code tr_ratiolimit}: the session's ratio, the torrent's own, unlimited. */
    private static final int RATIO_GLOBAL = 0;
    private static final int RATIO_SINGLE = 1;
    private static final int RATIO_UNLIMITED = 2;

    private final Engine engine;

    TorrentSet(Engine engine) {
        this.engine = engine;
    }

    @Override
    public ObjectNode call(Arguments arguments, boolean snake) throws RpcException {
        Unsupported.refuse(arguments, Unsupported.TORRENT);
        List<Torrent> torrents = Selection.of(engine, arguments);
        OptionalLong down = arguments.integer("downloadLimit");
        Optional<Boolean> downOn = arguments.bool("downloadLimited");
        OptionalLong up = arguments.integer("uploadLimit");
        Optional<Boolean> upOn = arguments.bool("uploadLimited");
        OptionalDouble ratio = arguments.number("seedRatioLimit");
        OptionalLong ratioMode = arguments.integer("seedRatioMode");
        if (ratio.isPresent() && ratio.getAsDouble() < 0) {
            throw new RpcException("argument 'seedRatioLimit' must not be negative");
        }
        if (ratioMode.isPresent() && (ratioMode.getAsLong() < RATIO_GLOBAL || ratioMode.getAsLong() > RATIO_UNLIMITED)) {
            throw new RpcException("argument 'seedRatioMode' must be 0, 1 or 2");
        }
        OptionalLong idleMinutes = arguments.integer("seedIdleLimit");
        OptionalLong idleMode = arguments.integer("seedIdleMode");
        IdleModes.check(idleMinutes, idleMode);
        Optional<List<String>> labels = arguments.strings("labels");
        Optional<Path> location = TorrentPlaces.location(arguments, false);
        OptionalLong queuePosition = arguments.integer("queuePosition");
        if (queuePosition.isPresent() && (queuePosition.getAsLong() < 0 || queuePosition.getAsLong() >= Integer.MAX_VALUE)) {
            throw new RpcException("argument 'queuePosition' must be a place in the queue, from 0");
        }
        FileChoices files = FileChoices.read(arguments);
        for (Torrent torrent : torrents) {
            files.check(torrent);
        }
        TrackerEdits trackers = TrackerEdits.read(arguments);
        if (trackers.any()) {
            List<List<List<String>>> edited = new ArrayList<>();
            for (Torrent torrent : torrents) {
                edited.add(trackers.apply(torrent.trackers(),
                        torrent.status().trackers().stream().map(TrackerInfo::url).toList()));
            }
            // Refused URLs are the same for every torrent: refused for the first, before anything changed.
            for (int i = 0; i < torrents.size(); i++) {
                List<List<String>> tiers = edited.get(i);
                Torrent torrent = torrents.get(i);
                TorrentPlaces.engineCall(() -> torrent.setTrackers(tiers));
            }
        }
        if (labels.isPresent()) {
            // The same labels for every torrent: refused for the first, they are refused before anything changed.
            for (Torrent torrent : torrents) {
                TorrentPlaces.engineCall(() -> torrent.setLabels(labels.get()));
            }
        }
        for (Torrent torrent : torrents) {
            if (idleMinutes.isPresent() || idleMode.isPresent()) {
                TorrentPlaces.engineCall(() -> torrent.setIdleLimit(IdleModes.apply(torrent, idleMinutes, idleMode)));
            }
            location.ifPresent(place -> torrent.moveTo(place, false));
            RateLimits limits = torrent.rateLimits();
            torrent.setRateLimits(new RateLimits(
                    Limits.apply("downloadLimit", limits.downloadBytesPerSecond(), down, downOn),
                    Limits.apply("uploadLimit", limits.uploadBytesPerSecond(), up, upOn)));
            if (ratio.isPresent() || ratioMode.isPresent()) {
                torrent.setSeedGoal(seedGoal(torrent, ratio, ratioMode));
            }
            files.apply(torrent);
            if (queuePosition.isPresent()) {
                torrent.moveInQueue((int) queuePosition.getAsLong() + 1);
            }
        }
        return JsonNodeFactory.instance.objectNode();
    }

    private SeedGoal seedGoal(Torrent torrent, OptionalDouble ratio, OptionalLong mode) throws RpcException {
        SeedGoal goal = torrent.seedGoal();
        int chosen = (int) mode.orElse(ratio.isPresent() ? RATIO_SINGLE
                : goal.ratio().isPresent() ? RATIO_SINGLE : RATIO_UNLIMITED);
        OptionalDouble newRatio = switch (chosen) {
            case RATIO_GLOBAL -> engine.defaults(MagnetLink.of(torrent.infoHash())).seedGoal().ratio();
            case RATIO_SINGLE -> ratio.isPresent() ? ratio : goal.ratio();
            default -> OptionalDouble.empty();
        };
        if (chosen == RATIO_SINGLE && newRatio.isEmpty()) {
            throw new RpcException("seedRatioMode 1 needs a 'seedRatioLimit'");
        }
        return new SeedGoal(newRatio, goal.time());
    }
}
