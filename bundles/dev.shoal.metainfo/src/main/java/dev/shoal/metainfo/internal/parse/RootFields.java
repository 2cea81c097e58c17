package dev.shoal.metainfo.internal.parse;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BInteger;
import dev.shoal.bencode.BString;
import dev.shoal.bencode.BValue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The descriptive keys outside the info dictionary; a bad one is dropped with a warning. */
final class RootFields {

    /** 9999-12-31T23:59:59Z; later dates are mistakes (often milliseconds instead of seconds). */
    private static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    private RootFields() {
    }

    static Optional<Instant> creationDate(BDictionary root, List<String> warnings) {
        Optional<BValue> value = root.get("creation date");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!(value.get() instanceof BInteger)) {
            warnings.add("creation date is not an integer; ignored");
            return Optional.empty();
        }
        long seconds = ((BInteger) value.get()).value();
        if (seconds < 0 || seconds > MAX_EPOCH_SECOND) {
            warnings.add("creation date " + seconds + " is out of range; ignored");
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(seconds));
    }

    /** A text key, its {@code .utf-8} twin preferred when valid. */
    static Optional<String> text(BDictionary root, String key, Texts texts, List<String> warnings) {
        Optional<BValue> utf8 = root.get(key + ".utf-8");
        if (utf8.isPresent() && utf8.get() instanceof BString && ((BString) utf8.get()).isValidUtf8()) {
            return Optional.of(((BString) utf8.get()).asString());
        }
        Optional<BValue> value = root.get(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!(value.get() instanceof BString)) {
            warnings.add(key + " is not a string; ignored");
            return Optional.empty();
        }
        return Optional.of(texts.freeText((BString) value.get(), key));
    }
}
