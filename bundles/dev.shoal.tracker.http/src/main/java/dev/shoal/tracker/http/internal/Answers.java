package dev.shoal.tracker.http.internal;

import static dev.shoal.tracker.http.internal.PeerLists.malformed;
import static dev.shoal.tracker.http.internal.PeerLists.text;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BInteger;
import dev.shoal.bencode.BString;
import dev.shoal.bencode.BValue;
import dev.shoal.bencode.BencodeDecoder;
import dev.shoal.bencode.BencodeException;
import dev.shoal.bencode.DecoderLimits;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.tracker.api.AnnounceResponse;
import dev.shoal.tracker.api.ScrapeResponse;
import dev.shoal.tracker.api.ScrapeStats;
import dev.shoal.tracker.api.TrackerException;
import dev.shoal.tracker.api.TrackerPeer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads the bencoded answers of an HTTP tracker. */
final class Answers {

    /** BEP 3 makes {@code interval} mandatory; some trackers forget it. libtorrent falls back to 30 min too. */
    static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(30);

    private final BencodeDecoder decoder;

    Answers(int maxBytes) {
        // A tracker answer is shallow; the byte bound is enforced before decoding as well.
        this.decoder = new BencodeDecoder(new DecoderLimits(maxBytes, 8, maxBytes, 1_000_000));
    }

    AnnounceResponse announce(byte[] body) throws TrackerException {
        BDictionary answer = dictionary(body);
        List<TrackerPeer> peers = new ArrayList<>();
        Optional<BValue> compactOrDictionaries = answer.get("peers");
        if (compactOrDictionaries.isPresent()) {
            peers.addAll(PeerLists.peers(compactOrDictionaries.get()));
        }
        Optional<BValue> peers6 = answer.get("peers6");
        if (peers6.isPresent()) {
            peers.addAll(PeerLists.peers6(peers6.get()));
        }
        Duration interval = seconds(answer, "interval").filter(d -> !d.isZero()).orElse(DEFAULT_INTERVAL);
        return new AnnounceResponse(interval, seconds(answer, "min interval"), string(answer, "tracker id"),
                count(answer, "complete"), count(answer, "incomplete"), peers, string(answer, "warning message"));
    }

    ScrapeResponse scrape(byte[] body) throws TrackerException {
        BDictionary answer = dictionary(body);
        if (!(answer.get("files").orElse(null) instanceof BDictionary files)) {
            throw malformed("scrape answer has no 'files' dictionary");
        }
        Map<InfoHash, ScrapeStats> stats = new HashMap<>();
        for (Map.Entry<BString, BValue> file : files.entries().entrySet()) {
            if (file.getKey().length() == InfoHash.V1_LENGTH && file.getValue() instanceof BDictionary counts) {
                stats.put(InfoHash.v1(file.getKey().bytes()), new ScrapeStats(
                        count(counts, "complete").orElse(0), count(counts, "downloaded").orElse(0),
                        count(counts, "incomplete").orElse(0)));
            }
        }
        return new ScrapeResponse(stats);
    }

    /** The top-level dictionary; a {@code failure reason} in it becomes the exception. */
    private BDictionary dictionary(byte[] body) throws TrackerException {
        BValue value;
        try {
            value = decoder.decode(body).value();
        } catch (BencodeException e) {
            throw new TrackerException(TrackerException.Kind.MALFORMED_RESPONSE,
                    "tracker answer is not bencode: " + e.getMessage(), e);
        }
        if (!(value instanceof BDictionary answer)) {
            throw malformed("tracker answer is not a dictionary");
        }
        Optional<String> failure = string(answer, "failure reason");
        if (failure.isPresent()) {
            throw new TrackerException(TrackerException.Kind.TRACKER_FAILURE, failure.get());
        }
        return answer;
    }

    private static Optional<String> string(BDictionary dictionary, String key) throws TrackerException {
        Optional<BValue> value = dictionary.get(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!(value.get() instanceof BString string)) {
            throw malformed("'" + key + "' is not a string");
        }
        return Optional.of(text(string));
    }

    private static Optional<Duration> seconds(BDictionary dictionary, String key) throws TrackerException {
        Optional<BValue> value = dictionary.get(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!(value.get() instanceof BInteger seconds) || seconds.value() < 0) {
            throw malformed("'" + key + "' is not a non-negative integer");
        }
        return Optional.of(Duration.ofSeconds(seconds.value()));
    }

    private static OptionalInt count(BDictionary dictionary, String key) throws TrackerException {
        Optional<BValue> value = dictionary.get(key);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        if (!(value.get() instanceof BInteger count) || count.value() < 0) {
            throw malformed("'" + key + "' is not a non-negative integer");
        }
        return OptionalInt.of((int) Math.min(Integer.MAX_VALUE, count.value()));
    }
}
