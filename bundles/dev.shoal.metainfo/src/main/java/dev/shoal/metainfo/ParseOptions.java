package dev.shoal.metainfo;

import dev.shoal.bencode.DecoderLimits;
import java.util.Objects;

/**
 * How to parse a torrent.
 *
 * @param limits     bounds on the bencode input
 * @param pathPolicy what to do with unsafe file paths
 */
public record ParseOptions(DecoderLimits limits, PathPolicy pathPolicy) {

    /** {@link DecoderLimits#DEFAULT} and {@link PathPolicy#REJECT}. */
    public static final ParseOptions DEFAULT = new ParseOptions(DecoderLimits.DEFAULT, PathPolicy.REJECT);

    public ParseOptions {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(pathPolicy, "pathPolicy");
    }

    public ParseOptions withLimits(DecoderLimits newLimits) {
        return new ParseOptions(newLimits, pathPolicy);
    }

    public ParseOptions withPathPolicy(PathPolicy newPolicy) {
        return new ParseOptions(limits, newPolicy);
    }
}
