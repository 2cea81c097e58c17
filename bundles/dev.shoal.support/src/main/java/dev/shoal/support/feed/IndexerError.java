package dev.shoal.support.feed;

import dev.shoal.support.http.FetchException;

/**
 * A Torznab/Newznab {@code <error code="100" description="Incorrect user credentials"/>}: the
 * index answered, and the answer is that it will not.
 */
public final class IndexerError extends FetchException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String description;

    public IndexerError(String code, String description) {
        super("indexer error " + code + ": " + description);
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }
}
