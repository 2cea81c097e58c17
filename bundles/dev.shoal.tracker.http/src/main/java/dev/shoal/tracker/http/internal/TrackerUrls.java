package dev.shoal.tracker.http.internal;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.tracker.api.AnnounceEvent;
import dev.shoal.tracker.api.AnnounceRequest;
import dev.shoal.tracker.api.TrackerException;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The announce and scrape URLs of an HTTP tracker, with their query strings. */
final class TrackerUrls {

    private static final String ANNOUNCE = "announce";

    private TrackerUrls() {
    }

    /** BEP 3 announce with BEP 23 {@code compact=1}; keeps any query the tracker URL already has. */
    static URI announce(URI tracker, AnnounceRequest request) {
        return announce(tracker, request, Optional.empty(), Optional.empty());
    }

    /** As above, naming our addresses of each family that peers can reach (BEP 7), where we know them. */
    static URI announce(URI tracker, AnnounceRequest request, Optional<InetAddress> ipv4, Optional<InetAddress> ipv6) {
        StringBuilder query = new StringBuilder()
                .append("info_hash=").append(Percent.encode(request.infoHash().bytes()))
                .append("&peer_id=").append(Percent.encode(request.peerId()))
                .append("&port=").append(request.port())
                .append("&uploaded=").append(request.uploaded())
                .append("&downloaded=").append(request.downloaded())
                .append("&left=").append(request.left())
                .append("&compact=1");
        if (request.event() != AnnounceEvent.NONE) {
            query.append("&event=").append(request.event().name().toLowerCase(Locale.ROOT));
        }
        if (request.numWant() >= 0) {
            query.append("&numwant=").append(request.numWant());
        }
        // The key is sent as 8 hex digits, as libtorrent does; trackers compare it as text.
        query.append("&key=").append(String.format("%08X", request.key()));
        request.trackerId().ifPresent(id -> query.append("&trackerid=").append(Percent.encode(id)));
        ipv4.ifPresent(address -> query.append("&ipv4=").append(Percent.encode(address.getHostAddress())));
        ipv6.ifPresent(address -> query.append("&ipv6=").append(Percent.encode(address.getHostAddress())));
        return withQuery(tracker, query.toString());
    }

    /**
     * BEP 48: the scrape URL is the announce URL with its last path segment {@code announce}
     * (possibly followed by more text, as in {@code announce.php}) replaced by {@code scrape}.
     */
    static URI scrape(URI tracker, List<InfoHash> infoHashes) throws TrackerException {
        String path = tracker.getRawPath() == null ? "" : tracker.getRawPath();
        int slash = path.lastIndexOf('/');
        String last = path.substring(slash + 1);
        if (slash < 0 || !last.startsWith(ANNOUNCE)) {
            throw new TrackerException(TrackerException.Kind.UNSUPPORTED,
                    "tracker has no scrape URL: the last path segment of " + tracker + " is not 'announce'");
        }
        String scrapePath = path.substring(0, slash + 1) + "scrape" + last.substring(ANNOUNCE.length());
        StringBuilder query = new StringBuilder();
        for (InfoHash hash : infoHashes) {
            query.append(query.length() == 0 ? "" : "&").append("info_hash=").append(Percent.encode(hash.bytes()));
        }
        String base = tracker.getScheme() + "://" + tracker.getRawAuthority() + scrapePath
                + (tracker.getRawQuery() == null ? "" : "?" + tracker.getRawQuery());
        return withQuery(URI.create(base), query.toString());
    }

    private static URI withQuery(URI tracker, String query) {
        String base = tracker.toString();
        int hash = base.indexOf('#');
        if (hash >= 0) {
            base = base.substring(0, hash);
        }
        if (query.isEmpty()) {
            return URI.create(base);
        }
        char separator = tracker.getRawQuery() == null ? '?' : '&';
        return URI.create(base + separator + query);
    }
}
