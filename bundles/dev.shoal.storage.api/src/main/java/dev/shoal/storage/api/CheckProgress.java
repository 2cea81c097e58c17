package dev.shoal.storage.api;

import org.osgi.annotation.versioning.ConsumerType;

/** Follows a recheck. Called on the disk thread after every piece: keep it cheap. */
@ConsumerType
@FunctionalInterface
public interface CheckProgress {

    /** Ignores progress. */
    CheckProgress NONE = (checked, total) -> { };

    /** {@code checked} of {@code total} pieces are done. */
    void progress(int checked, int total);
}
