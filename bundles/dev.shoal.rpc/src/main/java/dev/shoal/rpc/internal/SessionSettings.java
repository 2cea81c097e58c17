package dev.shoal.rpc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The session settings kept in Shoal's configuration ({@link Configured}): read for
 * {@code session-get}, changed by {@code session-set} as {@code shoal:config} changes them (saved,
 * applied live). Transmission keeps a limit and its switch apart; Shoal keeps one number, 0 or empty
 * for none, so a limit is stated only while on, and a limit given while off needs its switch with it.
 * Speeds are kept in KiB/s, as the engine's settings are, and stated in Transmission's kB/s; turtle mode
 * ({@code alt-speed-*}) is the engine's alternative limits.
 */
final class SessionSettings {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** How a number is kept: as given, or a speed the RPC gives in kB/s ({@link Units}) kept in KiB/s. */
    enum Scale {
        PLAIN, SPEED
    }

    /** A limit and its switch, one setting of {@code pid} where 0 (or empty) means none. */
    private record Pair(String limit, String enabled, String pid, String key, boolean fraction, long min, Scale scale) {

        Pair(String limit, String enabled, String pid, String key, boolean fraction, long min) {
            this(limit, enabled, pid, key, fraction, min, Scale.PLAIN);
        }
    }

    /** A number or a switch of {@code pid}. */
    private record Single(String name, String pid, String key, boolean flag, long min, Scale scale) {

        Single(String name, String pid, String key, boolean flag, long min) {
            this(name, pid, key, flag, min, Scale.PLAIN);
        }
    }

    static final String ALT_SPEED_ENABLED = "alt-speed-enabled";

    private static final List<Pair> PAIRS = List.of(
            new Pair("download-queue-size", "download-queue-enabled", Configured.ENGINE, "maxActiveDownloads", false, 1),
            new Pair("seed-queue-size", "seed-queue-enabled", Configured.ENGINE, "maxActiveSeeds", false, 1),
            new Pair("idle-seeding-limit", "idle-seeding-limit-enabled", Configured.ENGINE, "seedIdleMinutes", false, 1),
            new Pair("seedRatioLimit", "seedRatioLimited", Configured.ENGINE, "seedRatio", true, 0),
            new Pair("speed-limit-down", "speed-limit-down-enabled", Configured.ENGINE, "downloadLimitKiB", false, 1,
                    Scale.SPEED),
            new Pair("speed-limit-up", "speed-limit-up-enabled", Configured.ENGINE, "uploadLimitKiB", false, 1,
                    Scale.SPEED));

    // Turtle mode's limits: Shoal's 0 would mean none, not Transmission's "nothing moves", so at least 1 kB/s.
    private static final List<Single> SINGLES = List.of(
            new Single("peer-limit-global", Configured.PEER, "connectionsTotal", false, 1),
            new Single("peer-limit-per-torrent", Configured.PEER, "connectionsPerTorrent", false, 1),
            new Single("dht-enabled", Configured.DHT, "enabled", true, 0),
            new Single("lpd-enabled", Configured.LSD, "enabled", true, 0),
            new Single(ALT_SPEED_ENABLED, Configured.ENGINE, "altLimitsEnabled", true, 0),
            new Single("alt-speed-down", Configured.ENGINE, "altDownloadLimitKiB", false, 1, Scale.SPEED),
            new Single("alt-speed-up", Configured.ENGINE, "altUploadLimitKiB", false, 1, Scale.SPEED));

    private static final String DOWNLOAD_DIR = "download-dir";
    private static final String ENCRYPTION = "encryption";
    /**
     * Transmission's names for the peer wire's {@code encryption} setting. Transmission has no "never":
     * Shoal's {@code disable} (plaintext only) reads as "tolerated", its nearest, and cannot be set as that.
     */
    private static final Map<String, String> ENCRYPTION_NAMES = Map.of("prefer", "preferred", "require", "required",
            "disable", "tolerated");

    private final Configured configured;
    private final Supplier<Path> engineDownloadDir;

    SessionSettings(Configured configured, Supplier<Path> engineDownloadDir) {
        this.configured = configured;
        this.engineDownloadDir = engineDownloadDir;
    }

    /** Every name {@link #set} takes, as {@link Names#key} spells them. */
    static List<String> names() {
        List<String> names = new ArrayList<>(List.of(Names.key(DOWNLOAD_DIR), Names.key(ENCRYPTION)));
        PAIRS.forEach(p -> names.addAll(List.of(Names.key(p.limit()), Names.key(p.enabled()))));
        SINGLES.forEach(s -> names.add(Names.key(s.name())));
        return names;
    }

    /** The settings as session-get states them; one that cannot be read now (its bundle is absent) is left out. */
    void read(Map<String, Supplier<JsonNode>> into) {
        into.put(DOWNLOAD_DIR, () -> JSON.textNode(configured.value(Configured.ENGINE, "downloadDirectory")
                .filter(d -> !d.isBlank()).orElseGet(() -> engineDownloadDir.get().toString())));
        configured.value(Configured.PEER, ENCRYPTION).map(String::strip).map(ENCRYPTION_NAMES::get)
                .ifPresent(name -> into.put(ENCRYPTION, () -> JSON.textNode(name)));
        for (Pair pair : PAIRS) {
            Optional<Double> limit = limit(pair);
            into.put(pair.enabled(), () -> JSON.booleanNode(limit.isPresent()));
            limit.ifPresent(l -> into.put(pair.limit(), () -> pair.fraction() ? JSON.numberNode(l)
                    : JSON.numberNode(shown(pair.scale(), l.longValue()))));
        }
        for (Single single : SINGLES) {
            if (single.flag()) {
                configured.flag(single.pid(), single.key()).ifPresent(f -> into.put(single.name(),
                        () -> JSON.booleanNode(f)));
            } else {
                configured.number(single.pid(), single.key()).ifPresent(n -> into.put(single.name(),
                        () -> JSON.numberNode(shown(single.scale(), n))));
            }
        }
    }

    /** The limit in force; empty when none (0, empty, negative) or unreadable. */
    private Optional<Double> limit(Pair pair) {
        try {
            return configured.value(pair.pid(), pair.key()).map(String::strip).filter(v -> !v.isEmpty())
                    .map(Double::valueOf).filter(v -> pair.fraction() ? v >= 0 : v > 0);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Applies what {@code arguments} give of these settings, after checking them all.
     *
     * @throws RpcException naming the first argument refused; then nothing changed
     */
    void set(Arguments arguments) throws RpcException {
        Map<String, Map<String, Object>> changes = new LinkedHashMap<>();
        Optional<Path> dir = arguments.folder(DOWNLOAD_DIR);
        if (dir.isPresent()) {
            change(changes, Configured.ENGINE, "downloadDirectory", dir.get().toString());
        }
        Optional<String> encryption = arguments.string(ENCRYPTION);
        if (encryption.isPresent()) {
            String mode = switch (encryption.get()) {
                case "preferred" -> "prefer";
                case "required" -> "require";
                default -> throw new RpcException("'encryption' must be \"preferred\" or \"required\": Shoal"
                        + " either prefers or requires encryption, or (set in Shoal only) never encrypts");
            };
            change(changes, Configured.PEER, ENCRYPTION, mode);
        }
        for (Pair pair : PAIRS) {
            Optional<Boolean> on = arguments.bool(pair.enabled());
            Optional<Double> limit = pair.fraction() ? boxed(arguments.number(pair.limit()))
                    : boxed(arguments.integer(pair.limit()));
            if (limit.isPresent() && (limit.get() < pair.min() || limit.get() > Integer.MAX_VALUE)) {
                throw new RpcException("'" + pair.limit() + "' must be at least " + pair.min());
            }
            if (on.isPresent() && !on.get()) {
                change(changes, pair.pid(), pair.key(), pair.fraction() ? "" : 0);
            } else if (limit.isPresent()) {
                if (on.isEmpty() && limit(pair).isEmpty()) {
                    throw new RpcException("Shoal keeps no '" + pair.limit() + "' while '" + pair.enabled()
                            + "' is false: send '" + pair.enabled() + "': true with it");
                }
                change(changes, pair.pid(), pair.key(), pair.fraction() ? String.valueOf(limit.get())
                        : kept(pair.scale(), limit.get().longValue()));
            } else if (on.isPresent() && limit(pair).isEmpty()) {
                throw new RpcException("'" + pair.enabled() + "' needs '" + pair.limit() + "' with it: Shoal keeps"
                        + " no limit while it is off");
            }
        }
        for (Single single : SINGLES) {
            if (single.flag()) {
                Optional<Boolean> flag = arguments.bool(single.name());
                if (flag.isPresent()) {
                    change(changes, single.pid(), single.key(), flag.get());
                }
            } else {
                var number = arguments.integer(single.name());
                if (number.isPresent()) {
                    if (number.getAsLong() < single.min() || number.getAsLong() > Integer.MAX_VALUE) {
                        throw new RpcException("'" + single.name() + "' must be at least " + single.min());
                    }
                    change(changes, single.pid(), single.key(), kept(single.scale(), number.getAsLong()));
                }
            }
        }
        for (Map.Entry<String, Map<String, Object>> pid : changes.entrySet()) {
            configured.update(pid.getKey(), pid.getValue());
        }
    }

    /** Whether turtle mode is on (its alternative limits in force). */
    boolean altSpeed() {
        return configured.flag(Configured.ENGINE, "altLimitsEnabled").orElse(false);
    }

    /**
     * A number as kept: a speed in KiB/s, the nearest to the kB/s given (at least 1). Read back it may be
     * 1 kB/s off the value given when that lies halfway between two KiB.
     */
    static long kept(Scale scale, long value) {
        return scale == Scale.SPEED ? Math.max(1, Math.round(value * (double) Units.SPEED_BYTES / 1024)) : value;
    }

    /** A kept number as the RPC states it: a speed in kB/s. */
    static long shown(Scale scale, long value) {
        return scale == Scale.SPEED ? Units.toKilo(value * 1024) : value;
    }

    private static void change(Map<String, Map<String, Object>> changes, String pid, String key, Object value) {
        changes.computeIfAbsent(pid, p -> new LinkedHashMap<>()).put(key, value);
    }

    private static Optional<Double> boxed(java.util.OptionalDouble value) {
        return value.isPresent() ? Optional.of(value.getAsDouble()) : Optional.empty();
    }

    private static Optional<Double> boxed(java.util.OptionalLong value) {
        return value.isPresent() ? Optional.of((double) value.getAsLong()) : Optional.empty();
    }

}
