package dev.shoal.create.standalone;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BList;
import dev.shoal.bencode.BString;
import dev.shoal.bencode.BValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The v1 info dictionary of a new torrent, with the keys mktorrent writes and no others. */
final class InfoBuilder {

    private InfoBuilder() {
    }

    static BDictionary info(Content content, int pieceLength, byte[] pieces, boolean isPrivate,
            Optional<String> sourceTag) {
        BDictionary.Builder info = BDictionary.builder()
                .put("name", content.name())
                .put("piece length", pieceLength)
                .put("pieces", BString.of(pieces));
        if (content.singleFile()) {
            info.put("length", content.files().get(0).length());
        } else {
            List<BValue> files = new ArrayList<>(content.files().size());
            for (SourceFile file : content.files()) {
                files.add(BDictionary.builder()
                        .put("length", file.length())
                        .put("path", BList.of(file.torrentPath().stream().map(BString::of).toList()))
                        .build());
            }
            info.put("files", BList.of(files));
        }
        if (isPrivate) {
            info.put("private", 1);
        }
        sourceTag.ifPresent(tag -> info.put("source", tag));
        return info.build();
    }
}
