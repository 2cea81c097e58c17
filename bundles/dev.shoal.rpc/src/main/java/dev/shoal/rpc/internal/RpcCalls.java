package dev.shoal.rpc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shoal.engine.api.Engine;
import dev.shoal.support.torrent.TorrentSource;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RPC request body in, one reply body out: {@code {method, arguments, tag}} →
 * {@code {result, arguments, tag}}, the method found by any spelling of its name. Whatever goes
 * wrong (bad JSON, an unknown method, a wrong argument, an engine failure) is a reply whose
 * {@code result} says why in one line; nothing here throws at the HTTP layer.
 */
final class RpcCalls {

    private static final Logger LOG = LoggerFactory.getLogger(RpcCalls.class);

    /** Deeper than any request Transmission defines (three levels), small enough to never strain a stack. */
    private static final int MAX_NESTING = 32;

    private final ObjectMapper json;
    private final Map<String, RpcMethod> methods = new HashMap<>();
    private final AtomicBoolean closeRequested = new AtomicBoolean();

    /**
     * @param mapping what port mapping did for a port, one line (port-test); empty without port mapping
     */
    RpcCalls(Engine engine, Configured configured, SessionInfo session, TorrentSource source, int maxBodyBytes,
            Supplier<Optional<String>> mapping) {
        this.json = JsonMapper.builder(new com.fasterxml.jackson.core.JsonFactoryBuilder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING)
                        .maxStringLength(Math.max(maxBodyBytes, 1)).maxNumberLength(100).build())
                .build()).build();
        SessionSettings settings = new SessionSettings(configured, engine::downloadDirectory);
        SessionGet sessionGet = new SessionGet(engine, session, settings);
        method("session-get", sessionGet);
        method("session-set", new SessionSet(engine, sessionGet, settings, configured));
        method("session-stats", new SessionStats(engine));
        method("free-space", new FreeSpace());
        method("torrent-get", new TorrentGet(engine, configured));
        method("torrent-set", new TorrentSet(engine));
        method("torrent-add", new TorrentAdd(engine, source));
        new TorrentActions(engine).methods().forEach(this::method);
        new TorrentPlaces(engine).methods().forEach(this::method);
        method("port-test", new PortTest(engine, mapping));
        method("blocklist-update", (arguments, snake) -> {
            throw new RpcException("blocklist-update is not supported by Shoal: it has no blocklist");
        });
        // Transmission quits on session-close; Shoal too, once the answer is sent (RpcServlet).
        method("session-close", (arguments, snake) -> {
            closeRequested.set(true);
            return json.createObjectNode();
        });
        for (String later : new String[] {"group-get", "group-set"}) {
            method(later, (arguments, snake) -> {
                throw RpcException.notSupported(later);
            });
        }
    }

    /** Whether a session-close came (once: the caller then stops Shoal). */
    boolean takeCloseRequest() {
        return closeRequested.getAndSet(false);
    }

    private void method(String name, RpcMethod method) {
        methods.put(Names.key(name), method);
    }

    /** The reply to {@code body}, as UTF-8 JSON. */
    byte[] answer(byte[] body) {
        ObjectNode reply = json.createObjectNode();
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (JsonProcessingException e) {
            reply.put("result", "the request is not JSON: " + e.getOriginalMessage());
            return bytes(reply);
        } catch (java.io.IOException e) {
            reply.put("result", "the request could not be read: " + e.getMessage());
            return bytes(reply);
        }
        if (request == null || !request.isObject()) {
            reply.put("result", "the request must be a JSON object {method, arguments, tag}");
            return bytes(reply);
        }
        JsonNode tag = request.get("tag");
        if (tag != null) {
            reply.set("tag", tag);
        }
        reply.put("result", "success");
        reply.set("arguments", json.createObjectNode());
        JsonNode method = request.get("method");
        JsonNode arguments = request.get("arguments");
        try {
            if (method == null || !method.isTextual()) {
                throw new RpcException("the request needs a 'method' string");
            }
            if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
                throw new RpcException("'arguments' must be an object");
            }
            RpcMethod called = methods.get(Names.key(method.textValue()));
            if (called == null) {
                throw new RpcException("method name not recognized: " + method.textValue());
            }
            reply.set("arguments", called.call(new Arguments(arguments), Names.isSnake(method.textValue())));
        } catch (RpcException e) {
            reply.put("result", e.getMessage());
        } catch (RuntimeException e) {
            // An engine call that failed unexpectedly: the client hears it, the log keeps the trace.
            LOG.warn("RPC {} failed", method, e);
            reply.put("result", "failed: " + e);
        }
        return bytes(reply);
    }

    /** A reply that is only an error result, for requests refused before they were read. */
    byte[] error(String result) {
        ObjectNode reply = json.createObjectNode();
        reply.put("result", result);
        reply.set("arguments", json.createObjectNode());
        return bytes(reply);
    }

    /**
     * The reply written out whole before any of it is sent: {@code torrent-get}'s rows are read from
     * the engine while written ({@link TorrentRows}), and an engine call failing there must still give
     * a client a reply it can read, not half of one.
     */
    private byte[] bytes(ObjectNode reply) {
        try {
            return json.writeValueAsBytes(reply);
        } catch (JsonProcessingException e) {
            LOG.warn("RPC reply failed", e);
            ObjectNode failed = json.createObjectNode();
            if (reply.has("tag")) {
                failed.set("tag", reply.get("tag"));
            }
            failed.put("result", "failed: " + (e.getCause() == null ? e.getOriginalMessage() : e.getCause()));
            failed.set("arguments", json.createObjectNode());
            try {
                return json.writeValueAsBytes(failed);
            } catch (JsonProcessingException never) {
                // Our own nodes of strings always serialize.
                return "{\"result\":\"failed\"}".getBytes(StandardCharsets.UTF_8);
            }
        }
    }
}
