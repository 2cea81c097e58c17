package dev.shoal.rpc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.RateLimits;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.MagnetLink;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code session-get}: the session settings Shoal can state truthfully. Settings it has no notion
 * of (turtle mode's scheduler, blocklists, an incomplete folder) are stated as off where the off state
 * is simply true; those kept in other bundles' configuration come from {@link SessionSettings}.
 */
final class SessionGet implements RpcMethod {

    /** Transmission 4.0's RPC: the version Shoal speaks, and the oldest its answers still suit. */
    static final int RPC_VERSION = 17;
    static final int RPC_VERSION_MINIMUM = 14;
    static final String RPC_VERSION_SEMVER = "5.3.0";

    /** A magnet link for no torrent, to read the defaults the engine gives a new one (its seed goal). */
    private static final MagnetLink ANY = MagnetLink.of(InfoHash.v1(new byte[20]));

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Engine engine;
    private final SessionInfo info;
    private final SessionSettings configured;

    SessionGet(Engine engine, SessionInfo info, SessionSettings configured) {
        this.engine = engine;
        this.info = info;
        this.configured = configured;
    }

    @Override
    public ObjectNode call(Arguments arguments, boolean snake) throws RpcException {
        Map<String, Supplier<JsonNode>> all = settings();
        Optional<List<String>> asked = arguments.strings("fields");
        ObjectNode answer = JSON.objectNode();
        if (asked.isPresent()) {
            Map<String, String> byKey = new LinkedHashMap<>();
            all.keySet().forEach(name -> byKey.put(Names.key(name), name));
            for (String field : asked.get()) {
                String name = byKey.get(Names.key(field));
                if (name != null) {
                    answer.set(field, all.get(name).get());
                }
            }
            return answer;
        }
        all.forEach((name, value) -> answer.set(snake ? Names.snake(name) : name, value.get()));
        return answer;
    }

    private Map<String, Supplier<JsonNode>> settings() {
        Map<String, Supplier<JsonNode>> settings = new LinkedHashMap<>();
        settings.put("version", () -> JSON.textNode(info.version()));
        settings.put("rpc-version", () -> JSON.numberNode(RPC_VERSION));
        settings.put("rpc-version-minimum", () -> JSON.numberNode(RPC_VERSION_MINIMUM));
        settings.put("rpc-version-semver", () -> JSON.textNode(RPC_VERSION_SEMVER));
        settings.put("session-id", () -> JSON.textNode(info.sessionId()));
        settings.put("config-dir", () -> JSON.textNode(info.configDir()));
        configured.read(settings);
        settings.put("download-dir-free-space", () -> JSON.numberNode(FreeSpace.usable(engine.downloadDirectory())));
        settings.put("peer-port", () -> JSON.numberNode(engine.listenPort()));
        settings.put("peer-port-random-on-start", () -> JSON.booleanNode(false));
        if (!configured.altSpeed()) {
            // The limits in force, which shoal:limit may have set for this run; in turtle mode the alternative
            // ones are in force and the kept ones (from the configuration) are the speed limits.
            RateLimits limits = engine.globalRateLimits();
            settings.put("speed-limit-down", () -> JSON.numberNode(Units.toKilo(limits.downloadBytesPerSecond())));
            settings.put("speed-limit-down-enabled", () -> JSON.booleanNode(limits.downloadBytesPerSecond() > 0));
            settings.put("speed-limit-up", () -> JSON.numberNode(Units.toKilo(limits.uploadBytesPerSecond())));
            settings.put("speed-limit-up-enabled", () -> JSON.booleanNode(limits.uploadBytesPerSecond() > 0));
        }
        // Shoal has no scheduler for turtle mode.
        settings.put("alt-speed-time-enabled", () -> JSON.booleanNode(false));
        // Shoal always exchanges peers (PEX) and never sets a stalled torrent aside in its queue.
        settings.put("pex-enabled", () -> JSON.booleanNode(true));
        settings.put("queue-stalled-enabled", () -> JSON.booleanNode(false));
        settings.put("start-added-torrents", () -> JSON.booleanNode(!engine.defaults(ANY).paused()));
        settings.put("incomplete-dir-enabled", () -> JSON.booleanNode(false));
        settings.put("blocklist-enabled", () -> JSON.booleanNode(false));
        settings.put("blocklist-size", () -> JSON.numberNode(0));
        settings.put("units", SessionGet::units);
        return settings;
    }

    private static JsonNode units() {
        ObjectNode units = JSON.objectNode();
        units.set("speed-units", strings("kB/s", "MB/s", "GB/s", "TB/s"));
        units.put("speed-bytes", Units.SPEED_BYTES);
        units.set("size-units", strings("kB", "MB", "GB", "TB"));
        units.put("size-bytes", 1000);
        units.set("memory-units", strings("KiB", "MiB", "GiB", "TiB"));
        units.put("memory-bytes", 1024);
        return units;
    }

    private static ArrayNode strings(String... values) {
        ArrayNode array = JSON.arrayNode(values.length);
        for (String value : values) {
            array.add(value);
        }
        return array;
    }
}
