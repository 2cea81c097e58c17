package dev.shoal.metainfo.internal.parse;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BInteger;
import dev.shoal.bencode.BList;
import dev.shoal.bencode.BString;
import dev.shoal.bencode.BValue;
import dev.shoal.metainfo.InvalidTorrentException;
import java.util.Optional;

/**
 * Typed reads from a dictionary. A missing or mistyped key fails with its full path, such as
 * {@code info.files[3].length must be an integer}, so the user can find it in the file.
 */
final class Fields {

    private final BDictionary dictionary;
    private final String path;

    /** @param path where the dictionary sits, e.g. "info" or "info.files[3]" */
    Fields(BDictionary dictionary, String path) {
        this.dictionary = dictionary;
        this.path = path;
    }

    BDictionary dictionary() {
        return dictionary;
    }

    /** Where the dictionary sits, for messages. */
    String where() {
        return path;
    }

    boolean has(String key) {
        return dictionary.containsKey(key);
    }

    /** The full path of {@code key}, for messages. */
    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    long integer(String key) throws InvalidTorrentException {
        return optionalInteger(key).orElseThrow(() -> missing(key));
    }

    Optional<Long> optionalInteger(String key) throws InvalidTorrentException {
        Optional<BValue> value = dictionary.get(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!(value.get() instanceof BInteger)) {
            throw wrongType(key, "an integer");
        }
        return Optional.of(((BInteger) value.get()).value());
    }

    BString string(String key) throws InvalidTorrentException {
        return optionalString(key).orElseThrow(() -> missing(key));
    }

    Optional<BString> optionalString(String key) throws InvalidTorrentException {
        Optional<BValue> value = dictionary.get(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!(value.get() instanceof BString)) {
            throw wrongType(key, "a string");
        }
        return Optional.of((BString) value.get());
    }

    BList list(String key) throws InvalidTorrentException {
        return optionalList(key).orElseThrow(() -> missing(key));
    }

    Optional<BList> optionalList(String key) throws InvalidTorrentException {
        Optional<BValue> value = dictionary.get(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!(value.get() instanceof BList)) {
            throw wrongType(key, "a list");
        }
        return Optional.of((BList) value.get());
    }

    Fields dictionary(String key) throws InvalidTorrentException {
        return optionalDictionary(key).orElseThrow(() -> missing(key));
    }

    Optional<Fields> optionalDictionary(String key) throws InvalidTorrentException {
        Optional<BValue> value = dictionary.get(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!(value.get() instanceof BDictionary)) {
            throw wrongType(key, "a dictionary");
        }
        return Optional.of(new Fields((BDictionary) value.get(), pathOf(key)));
    }

    InvalidTorrentException missing(String key) {
        return new InvalidTorrentException(pathOf(key) + " is missing");
    }

    InvalidTorrentException wrongType(String key, String expected) {
        return new InvalidTorrentException(pathOf(key) + " must be " + expected);
    }

    InvalidTorrentException invalid(String key, String problem) {
        return new InvalidTorrentException(pathOf(key) + " " + problem);
    }
}
