package dev.shoal.rpc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shoal.engine.api.TrackerInfo;
import java.net.URI;
import java.util.List;

/**
 * {@code torrent-get}'s {@code trackers} and {@code trackerStats}: a tracker's id is its place in the
 * list the engine shows now, which is what {@code torrent-set}'s tracker edits name ({@link TrackerEdits}).
 */
final class TrackerFields {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private TrackerFields() {
    }

    static JsonNode trackers(TorrentView view) {
        List<TrackerInfo> trackers = view.status().trackers();
        ArrayNode array = JSON.arrayNode(trackers.size());
        for (int i = 0; i < trackers.size(); i++) {
            ObjectNode tracker = JSON.objectNode();
            tracker.put("announce", trackers.get(i).url());
            tracker.put("id", i);
            tracker.put("tier", trackers.get(i).tier());
            array.add(tracker);
        }
        return array;
    }

    static JsonNode trackerStats(TorrentView view) {
        List<TrackerInfo> trackers = view.status().trackers();
        ArrayNode array = JSON.arrayNode(trackers.size());
        for (int i = 0; i < trackers.size(); i++) {
            TrackerInfo info = trackers.get(i);
            ObjectNode tracker = JSON.objectNode();
            tracker.put("announce", info.url());
            tracker.put("id", i);
            tracker.put("tier", info.tier());
            tracker.put("host", host(info.url()));
            tracker.put("lastAnnounceSucceeded", info.working());
            tracker.put("lastAnnounceResult", info.message().orElse(info.working() ? "Success" : ""));
            tracker.put("lastAnnouncePeerCount", info.peers());
            tracker.put("seederCount", info.seeders().orElse(-1));
            tracker.put("leecherCount", info.leechers().orElse(-1));
            tracker.put("nextAnnounceTime", info.nextAnnounce().map(t -> t.getEpochSecond()).orElse(0L));
            array.add(tracker);
        }
        return array;
    }

    private static String host(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getHost() == null ? url : uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
