package dev.shoal.metainfo.internal.parse;

import dev.shoal.bencode.BList;
import dev.shoal.bencode.BString;
import dev.shoal.bencode.BValue;
import dev.shoal.metainfo.FileAttribute;
import dev.shoal.metainfo.InvalidTorrentException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** BEP 47 {@code attr} and {@code symlink path}, shared by v1 file lists and v2 file trees. */
final class FileAttributes {

    private FileAttributes() {
    }

    /** Characters BEP 47 does not define are skipped: the BEP asks clients to ignore them. */
    static Set<FileAttribute> read(Fields file) throws InvalidTorrentException {
        Optional<BString> attr = file.optionalString("attr");
        Set<FileAttribute> attributes = EnumSet.noneOf(FileAttribute.class);
        if (attr.isPresent()) {
            String codes = attr.get().asString();
            for (int i = 0; i < codes.length(); i++) {
                FileAttribute attribute = FileAttribute.fromCode(codes.charAt(i));
                if (attribute != null) {
                    attributes.add(attribute);
                }
            }
        }
        return attributes;
    }

    /** The target of a symlink, required when the attributes say 'l'; empty otherwise. */
    static List<String> symlinkTarget(Fields file, Set<FileAttribute> attributes, Texts texts)
            throws InvalidTorrentException {
        if (!attributes.contains(FileAttribute.SYMLINK)) {
            return List.of();
        }
        BList target = file.list("symlink path");
        List<String> components = new ArrayList<>(target.size());
        for (int i = 0; i < target.size(); i++) {
            BValue item = target.get(i);
            String where = file.pathOf("symlink path") + "[" + i + "]";
            if (!(item instanceof BString)) {
                throw new InvalidTorrentException(where + " must be a string");
            }
            components.add(texts.decodePathText((BString) item, where));
        }
        if (components.isEmpty()) {
            throw file.invalid("symlink path", "must not be empty");
        }
        return components;
    }
}
