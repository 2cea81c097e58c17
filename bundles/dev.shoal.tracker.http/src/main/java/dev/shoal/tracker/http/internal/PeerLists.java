package dev.shoal.tracker.http.internal;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BInteger;
import dev.shoal.bencode.BList;
import dev.shoal.bencode.BString;
import dev.shoal.bencode.BValue;
import dev.shoal.tracker.api.TrackerException;
import dev.shoal.tracker.api.TrackerPeer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The three ways an HTTP tracker lists peers: BEP 23 compact, BEP 3 dictionaries, BEP 7 peers6. */
final class PeerLists {

    static final int COMPACT_V4 = 6;
    static final int COMPACT_V6 = 18;

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private PeerLists() {
    }

    /** {@code peers}: a compact string of 6-byte entries, or a list of dictionaries. */
    static List<TrackerPeer> peers(BValue value) throws TrackerException {
        if (value instanceof BString compact) {
            return compact(compact.bytes(), COMPACT_V4, "peers");
        }
        if (value instanceof BList list) {
            return dictionaries(list);
        }
        throw malformed("'peers' is neither a string nor a list");
    }

    /** {@code peers6}: a compact string of 18-byte entries. */
    static List<TrackerPeer> peers6(BValue value) throws TrackerException {
        if (value instanceof BString compact) {
            return compact(compact.bytes(), COMPACT_V6, "peers6");
        }
        throw malformed("'peers6' is not a string");
    }

    static List<TrackerPeer> compact(byte[] bytes, int entryLength, String key) throws TrackerException {
        if (bytes.length % entryLength != 0) {
            throw malformed("'" + key + "' has " + bytes.length + " bytes, not a multiple of " + entryLength);
        }
        List<TrackerPeer> peers = new ArrayList<>(bytes.length / entryLength);
        int addressLength = entryLength - 2;
        for (int at = 0; at < bytes.length; at += entryLength) {
            int port = ((bytes[at + addressLength] & 0xFF) << 8) | (bytes[at + addressLength + 1] & 0xFF);
            if (port == 0) {
                continue; // nobody listens on port 0: not a usable peer
            }
            peers.add(TrackerPeer.of(new InetSocketAddress(address(Arrays.copyOfRange(bytes, at, at + addressLength)),
                    port)));
        }
        return peers;
    }

    private static List<TrackerPeer> dictionaries(BList list) {
        List<TrackerPeer> peers = new ArrayList<>(list.size());
        for (BValue entry : list.values()) {
            // One odd entry should not cost the whole list: skip what cannot be a peer.
            dictionaryPeer(entry).ifPresent(peers::add);
        }
        return peers;
    }

    private static Optional<TrackerPeer> dictionaryPeer(BValue entry) {
        if (!(entry instanceof BDictionary peer)
                || !(peer.get("ip").orElse(null) instanceof BString ip)
                || !(peer.get("port").orElse(null) instanceof BInteger port)
                || port.value() <= 0 || port.value() > 0xFFFF) {
            return Optional.empty();
        }
        Optional<InetAddress> address = literalAddress(ip.asString());
        if (address.isEmpty()) {
            return Optional.empty();
        }
        Optional<byte[]> peerId = peer.get("peer id")
                .filter(id -> id instanceof BString s && s.length() == 20)
                .map(id -> ((BString) id).bytes());
        return Optional.of(new TrackerPeer(new InetSocketAddress(address.get(), (int) port.value()), peerId));
    }

    /**
     * Only IP literals: a host name would need a blocking DNS lookup for every peer, and a tracker
     * could point us anywhere with it.
     */
    static Optional<InetAddress> literalAddress(String text) {
        if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static InetAddress address(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }

    static TrackerException malformed(String message) {
        return new TrackerException(TrackerException.Kind.MALFORMED_RESPONSE, message);
    }

    static String text(BString value) {
        return new String(value.bytes(), StandardCharsets.UTF_8);
    }
}
