package dev.shoal.peer.internal.extension;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BInteger;
import dev.shoal.bencode.BString;
import dev.shoal.bencode.BValue;
import dev.shoal.bencode.BencodeEncoder;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A BEP 10 extended handshake (message id 0), ours or a peer's. Only {@code m} must be well formed
 * (names to message ids 0..255, 0 meaning "disabled"); the informational keys are taken when they have
 * the right type and ignored otherwise, as clients differ in them.
 *
 * @param messages     extension names to the ids their sender wants to receive them under
 * @param client       {@code v}: client name and version, cut to {@link #MAX_CLIENT_LENGTH}
 * @param listenPort   {@code p}: the sender's listen port, 0 when not said
 * @param requestQueue {@code reqq}: requests the sender queues without dropping, 0 when not said
 * @param yourIp       {@code yourip}: our address as the sender sees it
 * @param metadataSize {@code metadata_size} (BEP 9): the info dictionary's bytes, -1 when not said
 */
public record ExtensionHandshake(Map<String, Integer> messages, Optional<String> client, int listenPort,
        int requestQueue, Optional<InetAddress> yourIp, long metadataSize) {

    public static final int MAX_CLIENT_LENGTH = 64;
    public static final int MAX_ID = 0xFF;
    /** A peer's view before its first extended handshake: it speaks nothing. */
    public static final ExtensionHandshake NONE = new ExtensionHandshake(Map.of(), Optional.empty(), 0, 0,
            Optional.empty(), -1);

    public ExtensionHandshake {
        messages = Map.copyOf(messages);
    }

    /** Reads a peer's handshake; a malformed {@code m} is an error. */
    public static ExtensionHandshake parse(byte[] payload, ExtensionPayloads payloads) throws ExtensionException {
        BDictionary dictionary = payloads.dictionary(payload);
        Map<String, Integer> messages = new LinkedHashMap<>();
        Optional<BValue> m = dictionary.get("m");
        if (m.isPresent()) {
            if (!(m.get() instanceof BDictionary names)) {
                throw new ExtensionException("'m' is not a dictionary");
            }
            for (Map.Entry<BString, BValue> entry : names.entries().entrySet()) {
                if (!(entry.getValue() instanceof BInteger id) || id.value() < 0 || id.value() > MAX_ID) {
                    throw new ExtensionException("'m' gives " + entry.getKey() + " the id " + entry.getValue()
                            + ", not 0..255");
                }
                messages.put(entry.getKey().asString(), (int) id.value());
            }
        }
        Optional<String> client = ExtensionPayloads.string(dictionary, "v").map(BString::asString)
                .map(ExtensionHandshake::cut);
        int port = ExtensionPayloads.integer(dictionary, "p").filter(p -> p > 0 && p <= 0xFFFF).orElse(0L).intValue();
        int reqq = ExtensionPayloads.integer(dictionary, "reqq").filter(q -> q > 0 && q <= Integer.MAX_VALUE)
                .orElse(0L).intValue();
        Optional<InetAddress> yourIp = ExtensionPayloads.string(dictionary, "yourip")
                .filter(ip -> ip.length() == 4 || ip.length() == 16).map(ip -> address(ip.bytes()));
        // A negative size says nothing (as encode() leaves it out), so it reads as not said.
        long metadataSize = ExtensionPayloads.integer(dictionary, "metadata_size").filter(size -> size >= 0)
                .orElse(-1L);
        return new ExtensionHandshake(messages, client, port, reqq, yourIp, metadataSize);
    }

    /** {@code v} cut to {@link #MAX_CLIENT_LENGTH}, never between a surrogate pair (half of one encodes as '?'). */
    private static String cut(String v) {
        if (v.length() <= MAX_CLIENT_LENGTH) {
            return v;
        }
        int end = Character.isHighSurrogate(v.charAt(MAX_CLIENT_LENGTH - 1)) ? MAX_CLIENT_LENGTH - 1 : MAX_CLIENT_LENGTH;
        return v.substring(0, end);
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are an address", e);
        }
    }

    /** The peer's view after a later handshake: {@code m} is additive (BEP 10), the rest replaced when said. */
    public ExtensionHandshake updatedBy(ExtensionHandshake later) {
        Map<String, Integer> merged = new LinkedHashMap<>(messages);
        merged.putAll(later.messages);
        return new ExtensionHandshake(merged, later.client.or(() -> client),
                later.listenPort != 0 ? later.listenPort : listenPort,
                later.requestQueue != 0 ? later.requestQueue : requestQueue, later.yourIp.or(() -> yourIp),
                later.metadataSize >= 0 ? later.metadataSize : metadataSize);
    }

    /** The id the sender receives {@code name} under, or 0 when it does not (or no longer) speaks it. */
    public int idOf(String name) {
        return messages.getOrDefault(name, 0);
    }

    public ExtensionHandshake withMetadataSize(long size) {
        return new ExtensionHandshake(messages, client, listenPort, requestQueue, yourIp, size);
    }

    public byte[] encode() {
        BDictionary.Builder m = BDictionary.builder();
        messages.forEach((name, id) -> m.put(name, id));
        BDictionary.Builder dictionary = BDictionary.builder().put("m", m.build());
        client.ifPresent(v -> dictionary.put("v", v));
        if (listenPort > 0) {
            dictionary.put("p", listenPort);
        }
        if (requestQueue > 0) {
            dictionary.put("reqq", requestQueue);
        }
        yourIp.ifPresent(ip -> dictionary.put("yourip", BString.of(ip.getAddress())));
        if (metadataSize >= 0) {
            dictionary.put("metadata_size", metadataSize);
        }
        return BencodeEncoder.encode(dictionary.build());
    }
}
