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
 * Every key of {@code trackerStats} is there (transmission-remote 3.00's {@code -it} lists a tracker only
 * with all of them); what Shoal does not know is stated as Transmission states "never" or "unknown".
 */
final class TrackerFields {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** {@code tr_tracker_state}: not announcing, or waiting for the next announce. */
    private static final int INACTIVE = 0;
    private static final int WAITING = 1;

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
            long last = info.lastAnnounce().map(t -> t.getEpochSecond()).orElse(0L);
            tracker.put("lastAnnounceTime", last);
            tracker.put("lastAnnounceStartTime", last);
            tracker.put("hasAnnounced", info.lastAnnounce().isPresent() || info.message().isPresent());
            tracker.put("lastAnnounceTimedOut", false);
            tracker.put("announceState", info.nextAnnounce().isPresent() ? WAITING : INACTIVE);
            // Shoal does not scrape: the counts come with each announce; snatches are not told.
            tracker.put("hasScraped", false);
            tracker.put("lastScrapeSucceeded", false);
            tracker.put("lastScrapeResult", "");
            tracker.put("lastScrapeTime", 0);
            tracker.put("lastScrapeStartTime", 0);
            tracker.put("lastScrapeTimedOut", false);
            tracker.put("nextScrapeTime", 0);
            tracker.put("scrapeState", INACTIVE);
            tracker.put("downloadCount", -1);
            tracker.put("isBackup", false);
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
