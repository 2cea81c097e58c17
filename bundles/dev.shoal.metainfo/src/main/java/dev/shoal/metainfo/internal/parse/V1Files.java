package dev.shoal.metainfo.internal.parse;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BList;
import dev.shoal.metainfo.FileAttribute;
import dev.shoal.metainfo.InvalidTorrentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads the BEP 3 file layout: 'length' for one file, or 'files' for several. */
final class V1Files {

    private V1Files() {
    }

    static Layout read(Fields info, String rawName, Texts texts) throws InvalidTorrentException {
        boolean hasLength = info.has("length");
        boolean hasFiles = info.has("files");
        if (hasLength && hasFiles) {
            throw new InvalidTorrentException("info has both 'length' and 'files'; a torrent has exactly one of them");
        }
        if (!hasLength && !hasFiles) {
            throw new InvalidTorrentException("info has neither 'length' nor 'files'");
        }
        if (hasLength) {
            Set<FileAttribute> attributes = FileAttributes.read(info);
            RawFile file = new RawFile(List.of(rawName), "info", Lengths.read(info), attributes,
                    FileAttributes.symlinkTarget(info, attributes, texts), new byte[0]);
            return new Layout(List.of(file), true);
        }
        BList list = info.list("files");
        if (list.size() == 0) {
            throw info.invalid("files", "is empty");
        }
        List<RawFile> files = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String where = info.pathOf("files") + "[" + i + "]";
            if (!(list.get(i) instanceof BDictionary)) {
                throw new InvalidTorrentException(where + " must be a dictionary");
            }
            Fields file = new Fields((BDictionary) list.get(i), where);
            long length = Lengths.read(file);
            List<String> path = texts.path(file, "path");
            Set<FileAttribute> attributes = FileAttributes.read(file);
            files.add(new RawFile(path, where, length, attributes,
                    FileAttributes.symlinkTarget(file, attributes, texts), new byte[0]));
        }
        return new Layout(files, false);
    }
}
