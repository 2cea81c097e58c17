package dev.shoal.rpc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.EngineException;
import dev.shoal.engine.api.RateLimits;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code session-set}: the settings kept in configuration ({@link SessionSettings}: download folder,
 * speed limits and turtle mode, queue sizes, seed ratio and idle limits, peer limits, DHT and LSD) and
 * the peer port (set through the engine API, then saved). Any other setting is refused, naming it, unless it asks for what {@code session-get} already says (a client saving its whole settings
 * page sends {@code alt-speed-enabled: false} back).
 */
final class SessionSet implements RpcMethod {

    private static final Set<String> SETTABLE = Stream.concat(Stream.of("speed-limit-down",
            "speed-limit-down-enabled", "speed-limit-up", "speed-limit-up-enabled", "peer-port").map(Names::key),
            SessionSettings.names().stream()).collect(Collectors.toUnmodifiableSet());

    private final Engine engine;
    private final SessionGet current;
    private final SessionSettings configured;
    private final Configured settings;

    SessionSet(Engine engine, SessionGet current, SessionSettings configured, Configured settings) {
        this.engine = engine;
        this.current = current;
        this.configured = configured;
        this.settings = settings;
    }

    @Override
    public ObjectNode call(Arguments arguments, boolean snake) throws RpcException {
        ObjectNode now = current.call(new Arguments(null), false);
        for (String name : arguments.names()) {
            if (SETTABLE.contains(Names.key(name))) {
                continue;
            }
            JsonNode value = arguments.raw(name).orElse(null);
            JsonNode same = valueOf(now, name);
            if (value != null && !value.equals(same)) {
                throw RpcException.notSupported("setting '" + name + "'");
            }
        }
        OptionalLong port = arguments.integer("peer-port");
        if (port.isPresent() && (port.getAsLong() < 1 || port.getAsLong() > 65535)) {
            throw new RpcException("'peer-port' must be between 1 and 65535");
        }
        RateLimits limits = engine.globalRateLimits();
        RateLimits changed = new RateLimits(
                inKiB(Limits.apply("speed-limit-down", limits.downloadBytesPerSecond(),
                        arguments.integer("speed-limit-down"), arguments.bool("speed-limit-down-enabled"))),
                inKiB(Limits.apply("speed-limit-up", limits.uploadBytesPerSecond(), arguments.integer("speed-limit-up"),
                        arguments.bool("speed-limit-up-enabled"))));
        boolean turtle = configured.altSpeed();
        configured.set(arguments);
        if (port.isPresent() && port.getAsLong() != engine.listenPort()) {
            try {
                engine.setListenPort((int) port.getAsLong());
            } catch (EngineException e) {
                throw new RpcException(e.getMessage());
            }
            // Kept for the next start too; the peer wire, listening there already, has nothing to do.
            settings.update(Configured.PEER, Map.of("port", port.getAsLong()));
        }
        // The saved limits reach the engine through its configuration; applied here too so that they are in
        // force when the answer comes (the same KiB/s). In turtle mode the alternative ones stay in force.
        if (!turtle && !changed.equals(limits)) {
            engine.setGlobalRateLimits(changed);
        }
        return JsonNodeFactory.instance.objectNode();
    }

    /** Bytes/s as the engine's settings keep them: whole KiB/s. */
    private static long inKiB(long bytesPerSecond) {
        return bytesPerSecond == 0 ? 0 : Math.max(1, Math.round(bytesPerSecond / 1024.0)) * 1024;
    }

    private static JsonNode valueOf(ObjectNode settings, String name) {
        for (Iterator<String> names = settings.fieldNames(); names.hasNext();) {
            String known = names.next();
            if (Names.key(known).equals(Names.key(name))) {
                return settings.get(known);
            }
        }
        return null;
    }
}
