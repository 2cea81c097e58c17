package dev.shoal.peer.internal.extension;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BInteger;
import dev.shoal.bencode.BString;
import dev.shoal.bencode.BValue;
import dev.shoal.bencode.BencodeDecoder;
import dev.shoal.bencode.BencodeException;
import dev.shoal.bencode.DecoderLimits;
import dev.shoal.peer.internal.codec.WireLimits;
import java.util.Optional;

/**
 * Reads the bencoded dictionaries of extension messages, bounded: the frame limit already caps a
 * payload's bytes; these limits cap its nesting and its number of values, so a 1 MiB payload of
 * empty lists costs a bounded amount of heap and time. No extension we speak nests deeper than two.
 */
public final class ExtensionPayloads {

    /** Deepest nesting of an extension payload. */
    static final int MAX_DEPTH = 4;
    /** Most values in one payload: a PEX message of 100 peers has a dozen. */
    static final int MAX_VALUES = 2048;

    private final BencodeDecoder decoder;

    /** The largest extended payload the wire lets through: the frame less its message id and extended id. */
    public static int maxPayload(WireLimits limits) {
        return limits.maxFrameLength() - 2;
    }

    public ExtensionPayloads(int maxPayloadBytes) {
        this.decoder = new BencodeDecoder(new DecoderLimits(maxPayloadBytes, MAX_DEPTH, maxPayloadBytes, MAX_VALUES));
    }

    /** The payload as exactly one dictionary. */
    public BDictionary dictionary(byte[] payload) throws ExtensionException {
        try {
            return asDictionary(decoder.decode(payload).value());
        } catch (BencodeException e) {
            throw new ExtensionException("bad bencode at byte " + e.offset() + ": " + e.getMessage());
        }
    }

    /** The dictionary the payload starts with; raw bytes may follow it (BEP 9 data). */
    public BDictionary leadingDictionary(byte[] payload) throws ExtensionException {
        try {
            return asDictionary(decoder.decodePrefix(payload).value());
        } catch (BencodeException e) {
            throw new ExtensionException("bad bencode at byte " + e.offset() + ": " + e.getMessage());
        }
    }

    private static BDictionary asDictionary(BValue value) throws ExtensionException {
        if (value instanceof BDictionary dictionary) {
            return dictionary;
        }
        throw new ExtensionException("the payload is not a dictionary");
    }

    /** The integer under {@code key}, if there is one of that type. */
    public static Optional<Long> integer(BDictionary dictionary, String key) {
        return dictionary.get(key).filter(BInteger.class::isInstance).map(value -> ((BInteger) value).value());
    }

    /** The byte string under {@code key}, if there is one of that type. */
    public static Optional<BString> string(BDictionary dictionary, String key) {
        return dictionary.get(key).filter(BString.class::isInstance).map(BString.class::cast);
    }
}
