package dev.shoal.metainfo.internal.parse;

import java.util.List;

/** The files one version of the info dictionary describes. */
record Layout(List<RawFile> files, boolean singleFile) {

    Layout {
        files = List.copyOf(files);
    }
}
