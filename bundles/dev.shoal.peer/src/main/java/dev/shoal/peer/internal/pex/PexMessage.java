package dev.shoal.peer.internal.pex;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BString;
import dev.shoal.bencode.BencodeEncoder;
import dev.shoal.peer.internal.extension.ExtensionException;
import dev.shoal.peer.internal.extension.ExtensionPayloads;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A BEP 11 ut_pex message: peers added since the last message, with their flags, and peers dropped,
 * as compact strings ({@code added}, {@code added.f}, {@code dropped}: 6 bytes per IPv4 peer;
 * {@code added6}, {@code added6.f}, {@code dropped6}: 18 bytes per IPv6 peer).
 *
 * <p>Reading takes at most {@code limit} peers of each list whatever the message holds, so a message
 * of 10,000 peers costs what one of {@code limit} does; a compact string whose length is not a
 * multiple of its entry size is an error (the sender is broken, not merely chatty).
 */
public record PexMessage(List<PexPeer> added, List<InetSocketAddress> dropped) {

    public static final String EXTENSION = "ut_pex";
    private static final int V4 = 4;
    private static final int V6 = 16;

    public PexMessage {
        added = List.copyOf(added);
        dropped = List.copyOf(dropped);
    }

    public boolean isEmpty() {
        return added.isEmpty() && dropped.isEmpty();
    }

    /** Reads a message, keeping at most {@code limit} added and {@code limit} dropped peers per family. */
    public static PexMessage parse(byte[] payload, ExtensionPayloads payloads, int limit) throws ExtensionException {
        BDictionary dictionary = payloads.dictionary(payload);
        List<PexPeer> added = new ArrayList<>();
        List<InetSocketAddress> dropped = new ArrayList<>();
        added(dictionary, "added", V4, limit, added);
        added(dictionary, "added6", V6, limit, added);
        dropped.addAll(addresses(dictionary, "dropped", V4, limit));
        dropped.addAll(addresses(dictionary, "dropped6", V6, limit));
        return new PexMessage(added, dropped);
    }

    private static void added(BDictionary dictionary, String key, int addressLength, int limit, List<PexPeer> into)
            throws ExtensionException {
        List<InetSocketAddress> addresses = addresses(dictionary, key, addressLength, limit);
        // Flags are advice: missing or short, the peers still count, with no flags.
        byte[] flags = ExtensionPayloads.string(dictionary, key + ".f").map(BString::bytes).orElse(new byte[0]);
        for (int i = 0; i < addresses.size(); i++) {
            into.add(new PexPeer(addresses.get(i), i < flags.length ? flags[i] & 0xFF : 0));
        }
    }

    private static List<InetSocketAddress> addresses(BDictionary dictionary, String key, int addressLength,
            int limit) throws ExtensionException {
        Optional<BString> compact = ExtensionPayloads.string(dictionary, key);
        if (compact.isEmpty()) {
            return List.of();
        }
        int entry = addressLength + 2;
        int length = compact.get().length();
        if (length % entry != 0) {
            throw new ExtensionException("ut_pex '" + key + "' has " + length + " bytes, not a multiple of " + entry);
        }
        // Only the bytes of the first 'limit' entries are copied out of the payload.
        byte[] bytes = new byte[(int) Math.min(length, (long) limit * entry)];
        compact.get().buffer().get(bytes);
        List<InetSocketAddress> addresses = new ArrayList<>(bytes.length / entry);
        for (int at = 0; at < bytes.length; at += entry) {
            int port = ((bytes[at + addressLength] & 0xFF) << 8) | (bytes[at + addressLength + 1] & 0xFF);
            byte[] ip = new byte[addressLength];
            System.arraycopy(bytes, at, ip, 0, addressLength);
            if (port != 0) { // nobody listens on port 0
                addresses.add(new InetSocketAddress(address(ip), port));
            }
        }
        return addresses;
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are an address", e);
        }
    }

    public byte[] encode() {
        CompactList added4 = new CompactList(V4);
        CompactList added6 = new CompactList(V6);
        for (PexPeer peer : added) {
            (isV4(peer.address()) ? added4 : added6).add(peer.address(), peer.flags());
        }
        CompactList dropped4 = new CompactList(V4);
        CompactList dropped6 = new CompactList(V6);
        for (InetSocketAddress address : dropped) {
            (isV4(address) ? dropped4 : dropped6).add(address, 0);
        }
        BDictionary.Builder out = BDictionary.builder()
                .put("added", BString.of(added4.addresses())).put("added.f", BString.of(added4.flags()))
                .put("dropped", BString.of(dropped4.addresses()));
        if (added6.size() > 0 || dropped6.size() > 0) {
            out.put("added6", BString.of(added6.addresses())).put("added6.f", BString.of(added6.flags()))
                    .put("dropped6", BString.of(dropped6.addresses()));
        }
        return BencodeEncoder.encode(out.build());
    }

    static boolean isV4(InetSocketAddress address) {
        return address.getAddress() != null && address.getAddress().getAddress().length == V4;
    }

    /** Compact entries of one family, and their flags, being written. */
    private static final class CompactList {
        private final int addressLength;
        private final ByteArrayOutputStream addresses = new ByteArrayOutputStream();
        private final ByteArrayOutputStream flags = new ByteArrayOutputStream();

        CompactList(int addressLength) {
            this.addressLength = addressLength;
        }

        void add(InetSocketAddress address, int flag) {
            byte[] ip = address.getAddress().getAddress();
            if (ip.length != addressLength) {
                throw new IllegalArgumentException(address + " is not an address of " + addressLength + " bytes");
            }
            addresses.writeBytes(ip);
            addresses.write(address.getPort() >> 8);
            addresses.write(address.getPort());
            flags.write(flag);
        }

        int size() {
            return flags.size();
        }

        byte[] addresses() {
            return addresses.toByteArray();
        }

        byte[] flags() {
            return flags.toByteArray();
        }
    }
}
