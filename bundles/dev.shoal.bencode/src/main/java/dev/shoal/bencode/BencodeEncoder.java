package dev.shoal.bencode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes canonical bencode: dictionary keys sorted as raw unsigned bytes, whatever order the
 * value holds them in.
 */
public final class BencodeEncoder {

    private BencodeEncoder() {
    }

    public static byte[] encode(BValue value) {
        ByteSink sink = new ByteSink(256);
        write(value, sink);
        return sink.toByteArray();
    }

    private static void write(BValue value, ByteSink sink) {
        // Java 17 has no pattern switch; the interface is sealed, so these four are all there is.
        if (value instanceof BString s) {
            sink.writeDecimal(s.length());
            sink.write(':');
            s.writeContentTo(sink);
        } else if (value instanceof BInteger i) {
            sink.write('i');
            sink.writeDecimal(i.value());
            sink.write('e');
        } else if (value instanceof BList l) {
            sink.write('l');
            for (BValue item : l.values()) {
                write(item, sink);
            }
            sink.write('e');
        } else {
            sink.write('d');
            for (Map.Entry<BString, BValue> entry : sorted((BDictionary) value)) {
                write(entry.getKey(), sink);
                write(entry.getValue(), sink);
            }
            sink.write('e');
        }
    }

    /** The entries in key order; most dictionaries already are, and are not copied. */
    private static Iterable<Map.Entry<BString, BValue>> sorted(BDictionary d) {
        if (d.keysSorted()) {
            return d.entries().entrySet();
        }
        List<Map.Entry<BString, BValue>> entries = new ArrayList<>(d.entries().entrySet());
        entries.sort(Map.Entry.comparingByKey());
        return entries;
    }
}
