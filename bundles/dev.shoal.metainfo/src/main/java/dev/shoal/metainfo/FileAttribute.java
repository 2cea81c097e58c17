package dev.shoal.metainfo;

/** The BEP 47 file attributes, each one character of a file's {@code attr} string. */
public enum FileAttribute {
    /** 'p': a pad file, zeros that align the next file to a piece; never written to disk. */
    PADDING('p'),
    /** 'x': executable. */
    EXECUTABLE('x'),
    /** 'h': hidden. */
    HIDDEN('h'),
    /** 'l': a symbolic link; its target is in {@link FileEntry#symlinkTarget()}. */
    SYMLINK('l');

    private final char code;

    FileAttribute(char code) {
        this.code = code;
    }

    /** The character in the {@code attr} string. */
    public char code() {
        return code;
    }

    /** The attribute for a character, or null for characters BEP 47 does not define. */
    public static FileAttribute fromCode(char code) {
        for (FileAttribute attribute : values()) {
            if (attribute.code == code) {
                return attribute;
            }
        }
        return null;
    }
}
