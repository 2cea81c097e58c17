package dev.shoal.metainfo;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to put in a new torrent. Build one with {@link #builder(Path)}.
 *
 * @param source       the file or directory to share
 * @param name         the torrent's name; empty means the source's file name
 * @param trackerTiers announce URLs in tiers; the first URL is also written as 'announce'
 * @param webSeeds     BEP 19 web seed URLs
 * @param isPrivate    BEP 27 private flag
 * @param comment      'comment'
 * @param pieceLength  a power of two from 16 KiB to 256 MiB, or 0 to choose by size
 *                     (see {@link #AUTO_PIECE_LENGTH})
 * @param createdBy    'created by'
 * @param creationDate 'creation date' (whole seconds); empty leaves it out, for reproducible files
 * @param sourceTag    the info 'source' key, which private trackers use to give a cross-posted
 *                     torrent its own info-hash
 */
public record CreateRequest(Path source, Optional<String> name, List<List<String>> trackerTiers,
        List<String> webSeeds, boolean isPrivate, Optional<String> comment, int pieceLength,
        Optional<String> createdBy, Optional<Instant> creationDate, Optional<String> sourceTag) {

    /**
     * Piece length 0 asks for the automatic choice: the smallest power of two that keeps the
     * piece count at or below 2000 (so between 1000 and 2000 pieces for most sizes), clamped to
     * 16 KiB .. 16 MiB. 1 GiB gives 1 MiB pieces; 100 MiB gives 64 KiB; 100 GiB gives 16 MiB.
     */
    public static final int AUTO_PIECE_LENGTH = 0;

    public static final int MIN_PIECE_LENGTH = 16 * 1024;
    public static final int MAX_PIECE_LENGTH = 256 * 1024 * 1024;

    public CreateRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        List<List<String>> tiers = new ArrayList<>();
        for (List<String> tier : trackerTiers) {
            if (!tier.isEmpty()) {
                tiers.add(List.copyOf(tier));
            }
        }
        trackerTiers = List.copyOf(tiers);
        webSeeds = List.copyOf(webSeeds);
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(creationDate, "creationDate");
        Objects.requireNonNull(sourceTag, "sourceTag");
        if (pieceLength != AUTO_PIECE_LENGTH && (Integer.bitCount(pieceLength) != 1
                || pieceLength < MIN_PIECE_LENGTH || pieceLength > MAX_PIECE_LENGTH)) {
            throw new IllegalArgumentException("piece length must be a power of two from 16 KiB to 256 MiB, not "
                    + pieceLength);
        }
        creationDate = creationDate.map(date -> date.truncatedTo(ChronoUnit.SECONDS));
    }

    public static Builder builder(Path source) {
        return new Builder(source);
    }

    /** Collects a request; the creation date defaults to now, the piece length to automatic. */
    public static final class Builder {
        private final Path source;
        private Optional<String> name = Optional.empty();
        private final List<List<String>> tiers = new ArrayList<>();
        private final List<String> webSeeds = new ArrayList<>();
        private boolean isPrivate;
        private Optional<String> comment = Optional.empty();
        private int pieceLength = AUTO_PIECE_LENGTH;
        private Optional<String> createdBy = Optional.empty();
        private Optional<Instant> creationDate = Optional.of(Instant.now());
        private Optional<String> sourceTag = Optional.empty();

        private Builder(Path source) {
            this.source = source;
        }

        public Builder name(String value) {
            name = Optional.of(value);
            return this;
        }

        /** Adds a tracker as a tier of its own, as mktorrent does with each -a. */
        public Builder tracker(String url) {
            tiers.add(List.of(url));
            return this;
        }

        /** Adds a tier of trackers tried in turn. */
        public Builder trackerTier(List<String> urls) {
            tiers.add(List.copyOf(urls));
            return this;
        }

        public Builder webSeed(String url) {
            webSeeds.add(url);
            return this;
        }

        public Builder privateFlag(boolean value) {
            isPrivate = value;
            return this;
        }

        public Builder comment(String value) {
            comment = Optional.of(value);
            return this;
        }

        public Builder pieceLength(int value) {
            pieceLength = value;
            return this;
        }

        public Builder createdBy(String value) {
            createdBy = Optional.of(value);
            return this;
        }

        public Builder creationDate(Instant value) {
            creationDate = Optional.of(value);
            return this;
        }

        /** Leaves the creation date out, so the same files always give the same torrent file. */
        public Builder noCreationDate() {
            creationDate = Optional.empty();
            return this;
        }

        public Builder sourceTag(String value) {
            sourceTag = Optional.of(value);
            return this;
        }

        public CreateRequest build() {
            return new CreateRequest(source, name, tiers, webSeeds, isPrivate, comment, pieceLength, createdBy,
                    creationDate, sourceTag);
        }
    }
}
