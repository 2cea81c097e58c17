package dev.shoal.bencode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators for the property tests. {@link #values} builds value trees through the public API;
 * {@link #documents} writes bencode text directly, without the encoder, so the two sides of a
 * round trip are checked against something independent of each other.
 */
final class BencodeArbitraries {

    /** Container nesting of generated trees; lists and dictionaries hold at most {@link #WIDTH} items. */
    static final int DEPTH = 4;
    static final int WIDTH = 4;

    private BencodeArbitraries() {
    }

    // ---- values built in code ------------------------------------------------------------------

    static Arbitrary<BValue> values() {
        return value(DEPTH);
    }

    private static Arbitrary<BValue> value(int depth) {
        Arbitrary<BValue> scalar = Arbitraries.oneOf(integers(), strings());
        if (depth == 0) {
            return scalar;
        }
        return Arbitraries.frequencyOf(
                Tuple.of(3, scalar),
                Tuple.of(1, list(depth - 1)),
                Tuple.of(1, dictionary(depth - 1)));
    }

    private static Arbitrary<BValue> integers() {
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-1000, 1000))
                .map(BInteger::of);
    }

    private static Arbitrary<BValue> strings() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(24).map(BString::of),
                Arbitraries.strings().ofMaxLength(12).map(BString::of));
    }

    private static Arbitrary<BString> keys() {
        // A small alphabet gives equal prefixes and bytes on both sides of 0x80.
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("aAz\u0000\u007f\u0080\u00ff").ofMaxLength(3),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(8))
                .map(s -> BString.of(Bencode.bytes(s)));
    }

    private static Arbitrary<BValue> list(int depth) {
        return value(depth).list().ofMaxSize(WIDTH).map(BList::of);
    }

    private static Arbitrary<BValue> dictionary(int depth) {
        // Entries in generated order, which is seldom sorted: the encoder must sort them.
        return Combinators.combine(keys(), value(depth)).as(Map::entry)
                .list().uniqueElements(Map.Entry::getKey).ofMaxSize(WIDTH)
                .map(entries -> {
                    BDictionary.Builder builder = BDictionary.builder();
                    entries.forEach(e -> builder.put(e.getKey(), e.getValue()));
                    return builder.build();
                });
    }

    // ---- bencode text written directly ---------------------------------------------------------

    /**
     * A bencoded document, written twice: {@code loose} keeps dictionary keys in generated order,
     * {@code canonical} sorts them. Text holds one byte per char (ISO-8859-1).
     *
     * @param unsortedDictionaries dictionaries whose loose key order is not sorted
     * @param depth                nesting of lists and dictionaries (0 for a scalar)
     * @param values               values counted the decoder's way: every value and every key
     * @param longestString        longest string or key, in bytes
     */
    record Document(String loose, String canonical, int unsortedDictionaries, int depth, int values,
            int longestString) {

        byte[] looseBytes() {
            return Bencode.bytes(loose);
        }

        byte[] canonicalBytes() {
            return Bencode.bytes(canonical);
        }
    }

    static Arbitrary<Document> documents() {
        return document(DEPTH);
    }

    private static Arbitrary<Document> document(int depth) {
        Arbitrary<Document> scalar = Arbitraries.oneOf(integerDocuments(), stringDocuments());
        if (depth == 0) {
            return scalar;
        }
        return Arbitraries.frequencyOf(
                Tuple.of(3, scalar),
                Tuple.of(1, listDocument(depth - 1)),
                Tuple.of(1, dictionaryDocument(depth - 1)));
    }

    private static Arbitrary<Document> integerDocuments() {
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-20, 20)).map(n -> {
            String text = "i" + n + "e";
            return new Document(text, text, 0, 0, 1, 0);
        });
    }

    private static Arbitrary<Document> stringDocuments() {
        return Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(30).map(s -> {
            String text = s.length() + ":" + s;
            return new Document(text, text, 0, 0, 1, s.length());
        });
    }

    private static Arbitrary<Document> listDocument(int depth) {
        return document(depth).list().ofMaxSize(WIDTH).map(items -> {
            StringBuilder loose = new StringBuilder("l");
            StringBuilder canonical = new StringBuilder("l");
            int unsorted = 0;
            int deepest = 0;
            int values = 1;
            int longest = 0;
            for (Document item : items) {
                loose.append(item.loose());
                canonical.append(item.canonical());
                unsorted += item.unsortedDictionaries();
                deepest = Math.max(deepest, item.depth());
                values += item.values();
                longest = Math.max(longest, item.longestString());
            }
            return new Document(loose.append('e').toString(), canonical.append('e').toString(),
                    unsorted, deepest + 1, values, longest);
        });
    }

    private static Arbitrary<Document> dictionaryDocument(int depth) {
        Arbitrary<String> keys = Arbitraries.oneOf(
                Arbitraries.strings().withChars("aAz\u0000\u007f\u0080\u00ff").ofMaxLength(3),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(8));
        return Combinators.combine(keys, document(depth)).as(Map::entry)
                .list().uniqueElements(Map.Entry::getKey).ofMaxSize(WIDTH)
                .map(entries -> {
                    Comparator<String> byUnsignedBytes =
                            (a, b) -> Arrays.compareUnsigned(Bencode.bytes(a), Bencode.bytes(b));
                    List<Map.Entry<String, Document>> sorted = new ArrayList<>(entries);
                    sorted.sort(Map.Entry.comparingByKey(byUnsignedBytes));
                    StringBuilder loose = new StringBuilder("d");
                    StringBuilder canonical = new StringBuilder("d");
                    int unsorted = sorted.equals(entries) ? 0 : 1;
                    int deepest = 0;
                    int values = 1;
                    int longest = 0;
                    for (Map.Entry<String, Document> e : entries) {
                        loose.append(e.getKey().length()).append(':').append(e.getKey()).append(e.getValue().loose());
                        unsorted += e.getValue().unsortedDictionaries();
                        deepest = Math.max(deepest, e.getValue().depth());
                        values += 1 + e.getValue().values();
                        longest = Math.max(longest, Math.max(e.getKey().length(), e.getValue().longestString()));
                    }
                    for (Map.Entry<String, Document> e : sorted) {
                        canonical.append(e.getKey().length()).append(':').append(e.getKey())
                                .append(e.getValue().canonical());
                    }
                    return new Document(loose.append('e').toString(), canonical.append('e').toString(),
                            unsorted, deepest + 1, values, longest);
                });
    }
}
