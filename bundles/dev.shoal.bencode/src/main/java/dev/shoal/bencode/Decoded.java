package dev.shoal.bencode;

import java.util.List;

/** A decoded value and what the decoder tolerated on the way. */
public record Decoded(BValue value, List<BencodeWarning> warnings) {

    public Decoded {
        warnings = List.copyOf(warnings);
    }
}
