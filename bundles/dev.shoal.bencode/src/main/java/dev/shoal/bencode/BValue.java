package dev.shoal.bencode;

/**
 * A bencoded value. A decoded value remembers where it stood in its source, so
 * {@link #rawBytes()} gives back exactly those bytes (the info-hash is computed over them);
 * a value built in code gives its canonical encoding instead.
 */
public sealed interface BValue permits BString, BInteger, BList, BDictionary {

    /** Offset of this value's first byte in the decoded source, or -1 for a value built in code. */
    int offset();

    /**
     * The bytes this value was decoded from, exactly as they stood (even where they were not
     * canonical), or the canonical encoding for a value built in code.
     */
    byte[] rawBytes();
}
