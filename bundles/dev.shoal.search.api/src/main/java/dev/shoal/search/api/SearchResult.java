package dev.shoal.search.api;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One torrent a provider found. Checked when made, so nothing a remote index says can reach the
 * user unbounded or malformed: a title of at most {@value #MAX_TITLE} characters, links of at most
 * {@value #MAX_LINK} characters with the schemes they need, and a way to fetch the torrent (a magnet
 * link or a {@code .torrent} URL). Build one with {@link #builder(String)}.
 *
 * @param title      what the index calls it
 * @param category   what it holds
 * @param size       total bytes, or -1 when unknown
 * @param seeders    peers with all of it, or -1 when unknown
 * @param leechers   peers still downloading, or -1 when unknown
 * @param infoHash   the v1 info-hash as 40 lower-case hex digits, or {@code null} when unknown; taken
 *                   from the magnet link's {@code xt=urn:btih:} when not given
 * @param magnet     a {@code magnet:} link, or {@code null}
 * @param torrentUrl where the {@code .torrent} file is ({@code http}, {@code https} or
 *                   {@code file}), or {@code null}
 * @param detailsUrl the index's page about it ({@code http} or {@code https}), or {@code null}
 * @param published  when the index got it, or {@code null} when unknown
 */
public record SearchResult(String title, SearchCategory category, long size, int seeders, int leechers,
        String infoHash, URI magnet, URI torrentUrl, URI detailsUrl, Instant published) {

    public static final int MAX_TITLE = 1_000;
    public static final int MAX_LINK = 8_192;

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{40}");
    private static final Pattern BASE32 = Pattern.compile("[A-Za-z2-7]{32}");
    private static final Pattern BTIH = Pattern.compile("(?:^|[?&])xt=urn:btih:([0-9A-Za-z]{32,40})(?:&|$)");

    public SearchResult {
        title = Objects.requireNonNull(title, "title").strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            throw new IllegalArgumentException("a title must have 1 to " + MAX_TITLE + " characters");
        }
        Objects.requireNonNull(category, "category");
        size = Math.max(-1, size);
        seeders = Math.max(-1, seeders);
        leechers = Math.max(-1, leechers);
        checkLink("magnet", magnet, Set.of("magnet"));
        checkLink("torrent URL", torrentUrl, Set.of("http", "https", "file"));
        checkLink("details URL", detailsUrl, Set.of("http", "https"));
        if (magnet == null && torrentUrl == null) {
            throw new IllegalArgumentException("'" + title + "' has neither a magnet link nor a torrent URL");
        }
        if (infoHash == null && magnet != null) {
            infoHash = magnetInfoHash(magnet);
        }
        if (infoHash != null) {
            infoHash = hex(infoHash);
        }
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** What a result says about seeders and leechers is worth showing: at least one is known. */
    public boolean hasSwarmCounts() {
        return seeders >= 0 || leechers >= 0;
    }

    private static void checkLink(String what, URI link, Set<String> schemes) {
        if (link == null) {
            return;
        }
        if (link.getScheme() == null || !schemes.contains(link.getScheme().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("a " + what + " must be " + String.join(" or ", schemes.stream().sorted().toList())
                    + ", not " + abbreviate(link.toString()));
        }
        if (link.toString().length() > MAX_LINK) {
            throw new IllegalArgumentException("a " + what + " must have at most " + MAX_LINK + " characters");
        }
    }

    private static String magnetInfoHash(URI magnet) {
        String query = magnet.getRawSchemeSpecificPart();
        Matcher matcher = BTIH.matcher(query.startsWith("?") ? query.substring(1) : query);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** 40 hex digits as they are, 32 base32 characters (older magnet links) turned into hex. */
    private static String hex(String infoHash) {
        String trimmed = infoHash.strip();
        if (HEX.matcher(trimmed).matches()) {
            return trimmed.toLowerCase(Locale.ROOT);
        }
        if (BASE32.matcher(trimmed).matches()) {
            return base32ToHex(trimmed.toUpperCase(Locale.ROOT));
        }
        throw new IllegalArgumentException("an info-hash must be 40 hex digits or 32 base32 characters, not "
                + abbreviate(trimmed));
    }

    private static String base32ToHex(String base32) {
        StringBuilder hex = new StringBuilder(40);
        long buffer = 0;
        int bits = 0;
        for (int i = 0; i < base32.length(); i++) {
            char c = base32.charAt(i);
            buffer = buffer << 5 | (c >= 'A' ? c - 'A' : c - '2' + 26);
            bits += 5;
            while (bits >= 4) {
                bits -= 4;
                hex.append(Character.forDigit((int) (buffer >> bits) & 0xf, 16));
            }
        }
        return hex.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    /** Fills a {@link SearchResult} field by field; unknown counts stay -1, unknown links {@code null}. */
    public static final class Builder {

        private final String title;
        private SearchCategory category = SearchCategory.OTHER;
        private long size = -1;
        private int seeders = -1;
        private int leechers = -1;
        private String infoHash;
        private URI magnet;
        private URI torrentUrl;
        private URI detailsUrl;
        private Instant published;

        private Builder(String title) {
            this.title = title;
        }

        public Builder category(SearchCategory category) {
            this.category = category;
            return this;
        }

        public Builder size(long size) {
            this.size = size;
            return this;
        }

        public Builder seeders(int seeders) {
            this.seeders = seeders;
            return this;
        }

        public Builder leechers(int leechers) {
            this.leechers = leechers;
            return this;
        }

        public Builder infoHash(String infoHash) {
            this.infoHash = infoHash;
            return this;
        }

        public Builder magnet(URI magnet) {
            this.magnet = magnet;
            return this;
        }

        public Builder torrentUrl(URI torrentUrl) {
            this.torrentUrl = torrentUrl;
            return this;
        }

        public Builder detailsUrl(URI detailsUrl) {
            this.detailsUrl = detailsUrl;
            return this;
        }

        public Builder published(Instant published) {
            this.published = published;
            return this;
        }

        /** @throws IllegalArgumentException when the result breaks one of {@link SearchResult}'s rules */
        public SearchResult build() {
            return new SearchResult(title, category, size, seeders, leechers, infoHash, magnet, torrentUrl, detailsUrl,
                    published);
        }
    }
}
