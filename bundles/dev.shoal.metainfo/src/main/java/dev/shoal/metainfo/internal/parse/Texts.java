package dev.shoal.metainfo.internal.parse;

import dev.shoal.bencode.BList;
import dev.shoal.bencode.BString;
import dev.shoal.bencode.BValue;
import dev.shoal.metainfo.InvalidTorrentException;
import dev.shoal.metainfo.PathPolicy;
import dev.shoal.metainfo.internal.text.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads names and paths as text. Old clients wrote names in the local code page and added a
 * UTF-8 copy under {@code <key>.utf-8}; that copy wins when it is valid UTF-8.
 */
final class Texts {

    private final PathPolicy policy;
    private final List<String> warnings;

    Texts(PathPolicy policy, List<String> warnings) {
        this.policy = policy;
        this.warnings = warnings;
    }

    /** A required name such as {@code info.name}. */
    String name(Fields fields, String key) throws InvalidTorrentException {
        Optional<BString> utf8 = utf8Variant(fields, key);
        BString primary = fields.string(key);
        return utf8.isPresent() ? utf8.get().asString() : decodePathText(primary, fields.pathOf(key));
    }

    /** A required list of path components such as {@code info.files[3].path}. */
    List<String> path(Fields fields, String key) throws InvalidTorrentException {
        BList primary = fields.list(key);
        Optional<List<String>> utf8 = utf8PathVariant(fields, key);
        if (utf8.isPresent()) {
            return utf8.get();
        }
        if (primary.size() == 0) {
            throw fields.invalid(key, "must not be empty");
        }
        List<String> components = new ArrayList<>(primary.size());
        for (int i = 0; i < primary.size(); i++) {
            String where = fields.pathOf(key) + "[" + i + "]";
            if (!(primary.get(i) instanceof BString)) {
                throw new InvalidTorrentException(where + " must be a string");
            }
            components.add(decodePathText((BString) primary.get(i), where));
        }
        return components;
    }

    /** Free text such as a comment: never fails, replaces bad bytes and says so. */
    String freeText(BString text, String where) {
        if (!text.isValidUtf8()) {
            warnings.add(where + " is not valid UTF-8; undecodable bytes were replaced");
        }
        return text.asString();
    }

    /** Bytes that name a file: REJECT fails on bad UTF-8, SANITIZE replaces it and warns. */
    String decodePathText(BString text, String where) throws InvalidTorrentException {
        if (text.isValidUtf8()) {
            return text.asString();
        }
        if (policy == PathPolicy.REJECT) {
            throw new InvalidTorrentException(where + " is not valid UTF-8");
        }
        String lossy = text.asString();
        warnings.add(where + " is not valid UTF-8; read as " + Quote.of(lossy));
        return lossy;
    }

    private Optional<BString> utf8Variant(Fields fields, String key) {
        Optional<BValue> value = fields.dictionary().get(key + ".utf-8");
        if (value.isPresent() && value.get() instanceof BString && ((BString) value.get()).isValidUtf8()) {
            return Optional.of((BString) value.get());
        }
        value.ifPresent(v -> warnings.add(fields.pathOf(key + ".utf-8") + " is not a UTF-8 string; ignored"));
        return Optional.empty();
    }

    private Optional<List<String>> utf8PathVariant(Fields fields, String key) {
        Optional<BValue> value = fields.dictionary().get(key + ".utf-8");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof BList && ((BList) value.get()).size() > 0) {
            List<String> components = new ArrayList<>();
            for (BValue item : ((BList) value.get()).values()) {
                if (!(item instanceof BString) || !((BString) item).isValidUtf8()) {
                    components = null;
                    break;
                }
                components.add(((BString) item).asString());
            }
            if (components != null) {
                return Optional.of(components);
            }
        }
        warnings.add(fields.pathOf(key + ".utf-8") + " is not a list of UTF-8 strings; ignored");
        return Optional.empty();
    }
}
