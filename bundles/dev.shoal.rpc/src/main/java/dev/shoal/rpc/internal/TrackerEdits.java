package dev.shoal.rpc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code torrent-set}'s tracker edits, as Transmission reads them: {@code trackerAdd} (URLs, each
 * in a tier of its own after the last, one already there ignored), {@code trackerRemove} (ids),
 * {@code trackerReplace} (id, URL, id, URL...) and Transmission 4's {@code trackerList} (the whole
 * list: a URL a line, tiers apart by a blank line). Ids are the trackers' places in the list
 * {@code trackerStats} shows. The URLs themselves are checked by the engine.
 */
final class TrackerEdits {

    private final List<String> add;
    private final List<Integer> remove;
    private final Map<Integer, String> replace;
    private final Optional<String> list;

    private TrackerEdits(List<String> add, List<Integer> remove, Map<Integer, String> replace, Optional<String> list) {
        this.add = add;
        this.remove = remove;
        this.replace = replace;
        this.list = list;
    }

    static TrackerEdits read(Arguments arguments) throws RpcException {
        List<String> add = arguments.strings("trackerAdd").orElse(List.of());
        List<Integer> remove = arguments.indices("trackerRemove").orElse(List.of());
        Map<Integer, String> replace = new TreeMap<>();
        Optional<JsonNode> pairs = arguments.raw("trackerReplace");
        if (pairs.isPresent()) {
            JsonNode value = pairs.get();
            if (!value.isArray() || value.size() % 2 != 0 || value.size() > Arguments.MAX_LIST) {
                throw Arguments.wrongType("trackerReplace", "a list of tracker ids each followed by a URL");
            }
            for (int i = 0; i < value.size(); i += 2) {
                JsonNode id = value.get(i);
                JsonNode url = value.get(i + 1);
                if (!id.isIntegralNumber() || !id.canConvertToInt() || id.intValue() < 0 || !url.isTextual()) {
                    throw Arguments.wrongType("trackerReplace", "a list of tracker ids each followed by a URL");
                }
                replace.put(id.intValue(), url.textValue());
            }
        }
        Optional<String> list = arguments.string("trackerList");
        if (list.isPresent() && (!add.isEmpty() || !remove.isEmpty() || !replace.isEmpty())) {
            throw new RpcException("'trackerList' replaces the whole list: it goes without trackerAdd, trackerRemove"
                    + " and trackerReplace");
        }
        return new TrackerEdits(add, remove, replace, list);
    }

    boolean any() {
        return list.isPresent() || !add.isEmpty() || !remove.isEmpty() || !replace.isEmpty();
    }

    /**
     * The tiers after the edits.
     *
     * @param tiers the torrent's trackers by tier
     * @param shown the trackers' URLs as {@code trackerStats} lists them: a tracker's id is its index here
     * @throws RpcException naming an id that is no tracker of the torrent
     */
    List<List<String>> apply(List<List<String>> tiers, List<String> shown) throws RpcException {
        if (list.isPresent()) {
            return parseList(list.get());
        }
        List<List<String>> edited = new ArrayList<>();
        tiers.forEach(tier -> edited.add(new ArrayList<>(tier)));
        for (Map.Entry<Integer, String> entry : replace.entrySet()) {
            String old = url(shown, entry.getKey());
            edited.forEach(tier -> tier.replaceAll(url -> url.equals(old) ? entry.getValue().strip() : url));
        }
        for (int id : remove) {
            String old = url(shown, id);
            edited.forEach(tier -> tier.remove(old));
        }
        for (String url : add) {
            String trimmed = url.strip();
            if (!trimmed.isEmpty() && edited.stream().noneMatch(tier -> tier.contains(trimmed))) {
                edited.add(new ArrayList<>(List.of(trimmed)));
            }
        }
        edited.removeIf(List::isEmpty);
        return edited;
    }

    /** Transmission 4's {@code trackerList}: a URL a line, a blank line between tiers. */
    static List<List<String>> parseList(String text) {
        List<List<String>> tiers = new ArrayList<>();
        List<String> tier = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            if (line.isBlank()) {
                if (!tier.isEmpty()) {
                    tiers.add(tier);
                    tier = new ArrayList<>();
                }
            } else {
                tier.add(line.strip());
            }
        }
        if (!tier.isEmpty()) {
            tiers.add(tier);
        }
        return tiers;
    }

    /** The tiers as Transmission 4's {@code trackerList} gives them: each URL ends its line. */
    static String formatList(List<List<String>> tiers) {
        StringBuilder text = new StringBuilder();
        for (List<String> tier : tiers) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            tier.forEach(url -> text.append(url).append('\n'));
        }
        return text.toString();
    }

    private static String url(List<String> shown, int id) throws RpcException {
        if (id >= shown.size()) {
            throw new RpcException("no tracker with id " + id + " (trackerStats lists " + shown.size() + ")");
        }
        return shown.get(id);
    }
}
