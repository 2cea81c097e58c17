package dev.shoal.dht.internal.krpc;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BInteger;
import dev.shoal.bencode.BList;
import dev.shoal.bencode.BString;
import dev.shoal.bencode.BValue;
import dev.shoal.bencode.BencodeDecoder;
import dev.shoal.bencode.BencodeEncoder;
import dev.shoal.bencode.BencodeException;
import dev.shoal.bencode.DecoderLimits;
import dev.shoal.dht.internal.routing.NodeId;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes KRPC messages. Every datagram goes through the bounded bencode decoder first
 * (a datagram is small, shallow and has few values), then each field is checked for its type and
 * size; anything else is a {@link KrpcException}, never another exception.
 */
public final class KrpcCodec {

    /** Larger than any sane KRPC datagram (libtorrent answers fit in one 1,500-byte packet). */
    public static final int MAX_DATAGRAM = 4096;

    /** A message is a dictionary holding a dictionary holding lists of strings: depth 3 suffices. */
    private static final BencodeDecoder DECODER =
            new BencodeDecoder(new DecoderLimits(MAX_DATAGRAM, 4, 2048, 600));

    /** Peers in a get_peers answer ("values") we read at most; more is ignored. */
    public static final int MAX_VALUES = 200;

    private static final byte[] VERSION = {'S', 'H', 0, 1};

    private KrpcCodec() {
    }

    public static Message decode(byte[] datagram) throws KrpcException {
        BValue root;
        try {
            root = DECODER.decode(datagram).value();
        } catch (BencodeException e) {
            throw new KrpcException("not bencode: " + e.getMessage());
        }
        if (!(root instanceof BDictionary d)) {
            throw new KrpcException("not a dictionary");
        }
        byte[] t = string(d, "t", "transaction id");
        if (t.length > Message.MAX_TRANSACTION_ID) {
            throw new KrpcException("transaction id of " + t.length + " bytes");
        }
        String y = new String(string(d, "y", "message type"), StandardCharsets.ISO_8859_1);
        return switch (y) {
            case "q" -> query(d, t);
            case "r" -> response(dict(d, "r"), t, d);
            case "e" -> error(d, t);
            default -> throw new KrpcException("unknown message type '" + printable(y) + "'");
        };
    }

    /** What a node sent, for a one-line message: control and non-ASCII characters escaped, at most 16. */
    private static String printable(String sent) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(sent.length(), 16); i++) {
            char c = sent.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                text.append(c);
            } else {
                text.append(String.format("\\x%02x", (int) c));
            }
        }
        return sent.length() > 16 ? text + "..." : text.toString();
    }

    private static Message.Query query(BDictionary d, byte[] t) throws KrpcException {
        byte[] q = string(d, "q", "method");
        if (q.length > 32) {
            throw new KrpcException("method name of " + q.length + " bytes");
        }
        BDictionary a = dict(d, "a");
        NodeId id = id(a, "id");
        NodeId target = optionalId(a, "target");
        NodeId infoHash = optionalId(a, "info_hash");
        byte[] token = optionalString(a, "token");
        if (token != null && token.length > 64) {
            throw new KrpcException("token of " + token.length + " bytes");
        }
        long port = optionalInt(a, "port", 0);
        if (port < 0 || port > 65535) {
            throw new KrpcException("port " + port + " out of range");
        }
        boolean implied = optionalInt(a, "implied_port", 0) != 0;
        boolean readOnly = optionalInt(d, "ro", 0) != 0;
        Set<Message.Want> want = EnumSet.noneOf(Message.Want.class);
        if (a.get("want").orElse(null) instanceof BList list) {
            for (BValue v : list.values()) {
                if (v instanceof BString s) {
                    switch (s.asString()) {
                        case "n4" -> want.add(Message.Want.N4);
                        case "n6" -> want.add(Message.Want.N6);
                        default -> { } // other families may come; they are not ours to answer
                    }
                }
            }
        }
        return new Message.Query(t, new String(q, StandardCharsets.ISO_8859_1), id, target, infoHash, token,
                (int) port, implied, want, readOnly);
    }

    private static Message.Response response(BDictionary r, byte[] t, BDictionary d) throws KrpcException {
        NodeId id = id(r, "id");
        byte[] nodes = optionalString(r, "nodes");
        byte[] nodes6 = optionalString(r, "nodes6");
        byte[] token = optionalString(r, "token");
        if (token != null && token.length > 64) {
            throw new KrpcException("token of " + token.length + " bytes");
        }
        List<InetSocketAddress> values = new ArrayList<>();
        BValue v = r.get("values").orElse(null);
        if (v != null) {
            if (!(v instanceof BList list)) {
                throw new KrpcException("values is not a list");
            }
            for (BValue item : list.values()) {
                if (values.size() < MAX_VALUES && item instanceof BString s) {
                    InetSocketAddress peer = Compact.address(s.bytes());
                    if (peer != null) {
                        values.add(peer); // odd lengths are skipped, as libtorrent does
                    }
                }
            }
        }
        // BEP 42: beside "r", the address the responder saw us at.
        byte[] ip = optionalString(d, "ip");
        InetSocketAddress requester = ip == null ? null : Compact.address(ip);
        return new Message.Response(t, id,
                nodes == null ? List.of() : Compact.nodes(nodes, 4, "nodes"),
                nodes6 == null ? List.of() : Compact.nodes(nodes6, 16, "nodes6"),
                values, token, requester);
    }

    private static Message.Error error(BDictionary d, byte[] t) throws KrpcException {
        if (!(d.get("e").orElse(null) instanceof BList e) || e.size() < 2
                || !(e.get(0) instanceof BInteger code) || !(e.get(1) instanceof BString text)) {
            throw new KrpcException("error is not [code, message]");
        }
        String message = text.asString();
        return new Message.Error(t, code.value(), message.length() > 200 ? message.substring(0, 200) : message);
    }

    public static byte[] encode(Message m) {
        BDictionary.Builder d = BDictionary.builder().put("t", BString.of(m.transaction()))
                .put("v", BString.of(VERSION));
        if (m instanceof Message.Query q) {
            BDictionary.Builder a = BDictionary.builder().put("id", BString.of(q.id().bytes()));
            if (q.target() != null) {
                a.put("target", BString.of(q.target().bytes()));
            }
            if (q.infoHash() != null) {
                a.put("info_hash", BString.of(q.infoHash().bytes()));
            }
            if (q.token() != null) {
                a.put("token", BString.of(q.token()));
                a.put("port", q.port());
                a.put("implied_port", q.impliedPort() ? 1 : 0);
            }
            if (!q.want().isEmpty()) {
                List<BValue> want = new ArrayList<>();
                q.want().forEach(w -> want.add(BString.of(w == Message.Want.N4 ? "n4" : "n6")));
                a.put("want", BList.of(want));
            }
            // The method name is bytes: read as ISO-8859-1, written back the same, never re-encoded as UTF-8.
            d.put("y", "q").put("q", BString.of(q.method().getBytes(StandardCharsets.ISO_8859_1))).put("a", a.build());
            if (q.readOnly()) {
                d.put("ro", 1);
            }
        } else if (m instanceof Message.Response r) {
            BDictionary.Builder body = BDictionary.builder().put("id", BString.of(r.id().bytes()));
            if (!r.nodes().isEmpty()) {
                body.put("nodes", BString.of(Compact.nodes(r.nodes())));
            }
            if (!r.nodes6().isEmpty()) {
                body.put("nodes6", BString.of(Compact.nodes(r.nodes6())));
            }
            if (r.token() != null) {
                body.put("token", BString.of(r.token()));
            }
            if (!r.values().isEmpty()) {
                List<BValue> values = new ArrayList<>();
                r.values().forEach(p -> values.add(BString.of(Compact.address(p))));
                body.put("values", BList.of(values));
            }
            d.put("y", "r").put("r", body.build());
            if (r.requester() != null) {
                d.put("ip", BString.of(Compact.address(r.requester())));
            }
        } else {
            Message.Error e = (Message.Error) m;
            d.put("y", "e").put("e", BList.of(BInteger.of(e.code()), BString.of(e.message())));
        }
        return BencodeEncoder.encode(d.build());
    }

    private static BDictionary dict(BDictionary d, String key) throws KrpcException {
        if (!(d.get(key).orElse(null) instanceof BDictionary inner)) {
            throw new KrpcException("'" + key + "' is missing or not a dictionary");
        }
        return inner;
    }

    private static byte[] string(BDictionary d, String key, String what) throws KrpcException {
        byte[] s = optionalString(d, key);
        if (s == null) {
            throw new KrpcException(what + " ('" + key + "') is missing");
        }
        return s;
    }

    private static byte[] optionalString(BDictionary d, String key) throws KrpcException {
        BValue v = d.get(key).orElse(null);
        if (v == null) {
            return null;
        }
        if (!(v instanceof BString s)) {
            throw new KrpcException("'" + key + "' is not a string");
        }
        return s.bytes();
    }

    private static long optionalInt(BDictionary d, String key, long absent) throws KrpcException {
        BValue v = d.get(key).orElse(null);
        if (v == null) {
            return absent;
        }
        if (!(v instanceof BInteger i)) {
            throw new KrpcException("'" + key + "' is not an integer");
        }
        return i.value();
    }

    private static NodeId id(BDictionary d, String key) throws KrpcException {
        NodeId id = optionalId(d, key);
        if (id == null) {
            throw new KrpcException("'" + key + "' is missing");
        }
        return id;
    }

    private static NodeId optionalId(BDictionary d, String key) throws KrpcException {
        byte[] b = optionalString(d, key);
        if (b == null) {
            return null;
        }
        if (b.length != NodeId.LENGTH) {
            throw new KrpcException("'" + key + "' of " + b.length + " bytes, not 20");
        }
        return NodeId.of(b);
    }
}
