package dev.shoal.engine.internal;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BInteger;
import dev.shoal.bencode.BList;
import dev.shoal.bencode.BString;
import dev.shoal.bencode.BValue;
import dev.shoal.engine.api.IdleLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The bencoded form of {@link TorrentRecord.Extras}, within a torrent's record (see {@link RecordCodec}).
 * Every key is optional, so records written before them load with no dates, labels, renames or edited
 * trackers.
 */
final class RecordExtras {

    private RecordExtras() {
    }

    static void encode(TorrentRecord.Extras extras, BDictionary.Builder dict) {
        extras.done().ifPresent(done -> dict.put("done ms", done.toEpochMilli()));
        extras.active().ifPresent(active -> dict.put("active ms", active.toEpochMilli()));
        if (!extras.labels().isEmpty()) {
            dict.put("labels", BList.of(extras.labels().stream().map(BString::of).toList()));
        }
        dict.put("idle mode", extras.idle().mode().name().toLowerCase(Locale.ROOT));
        dict.put("idle seconds", extras.idle().limit().toSeconds());
        dict.put("downloading ms", extras.downloading().toMillis());
        if (!extras.paths().isEmpty()) {
            dict.put("paths", BList.of(extras.paths().stream()
                    .map(path -> BList.of(path.stream().map(BString::of).toList())).toList()));
        }
        extras.trackers().ifPresent(tiers -> dict.put("trackers", BList.of(tiers.stream()
                .map(tier -> BList.of(tier.stream().map(BString::of).toList())).toList())));
        extras.edited().ifPresent(edited -> dict.put("edited ms", edited.toEpochMilli()));
    }

    /** @throws IllegalArgumentException with a one-line reason when a key has the wrong form */
    static TorrentRecord.Extras decode(BDictionary dict) {
        IdleLimit.Mode mode = dict.get("idle mode").map(v -> mode(RecordCodec.as(v, BString.class, "'idle mode'")
                .asString())).orElse(IdleLimit.Mode.GLOBAL);
        long idleSeconds = number(dict, "idle seconds").orElse(IdleLimit.GLOBAL.limit().toSeconds());
        if (idleSeconds <= 0) {
            throw new IllegalArgumentException("'idle seconds' must be positive: " + idleSeconds);
        }
        long downloading = number(dict, "downloading ms").orElse(0L);
        if (downloading < 0) {
            throw new IllegalArgumentException("counters must not be negative");
        }
        return new TorrentRecord.Extras(number(dict, "done ms").map(Instant::ofEpochMilli),
                number(dict, "active ms").map(Instant::ofEpochMilli), strings(dict.get("labels"), "'labels'"),
                new IdleLimit(mode, Duration.ofSeconds(idleSeconds)), Duration.ofMillis(downloading), paths(dict),
                trackers(dict), number(dict, "edited ms").map(Instant::ofEpochMilli));
    }

    /** The edited trackers, checked as when they were set (a hand-edited record cannot smuggle in others). */
    private static Optional<List<List<String>>> trackers(BDictionary dict) {
        Optional<BValue> value = dict.get("trackers");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        List<List<String>> tiers = new ArrayList<>();
        for (BValue tier : RecordCodec.as(value.get(), BList.class, "'trackers'").values()) {
            tiers.add(strings(Optional.of(tier), "a tier of 'trackers'"));
        }
        return Optional.of(TrackerTiers.clean(tiers));
    }

    private static List<List<String>> paths(BDictionary dict) {
        Optional<BValue> value = dict.get("paths");
        if (value.isEmpty()) {
            return List.of();
        }
        List<List<String>> paths = new ArrayList<>();
        for (BValue path : RecordCodec.as(value.get(), BList.class, "'paths'").values()) {
            List<String> components = strings(Optional.of(path), "a path");
            if (components.isEmpty()) {
                throw new IllegalArgumentException("a kept path is empty");
            }
            paths.add(components);
        }
        return paths;
    }

    private static List<String> strings(Optional<BValue> value, String what) {
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> strings = new ArrayList<>();
        for (BValue one : RecordCodec.as(value.get(), BList.class, what).values()) {
            strings.add(RecordCodec.as(one, BString.class, what).asString());
        }
        return strings;
    }

    private static Optional<Long> number(BDictionary dict, String key) {
        return dict.get(key).map(v -> RecordCodec.as(v, BInteger.class, "'" + key + "'").value());
    }

    private static IdleLimit.Mode mode(String name) {
        for (IdleLimit.Mode mode : IdleLimit.Mode.values()) {
            if (mode.name().toLowerCase(Locale.ROOT).equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("not an idle mode: " + name);
    }
}
