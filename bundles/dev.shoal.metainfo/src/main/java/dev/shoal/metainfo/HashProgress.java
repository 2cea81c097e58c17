package dev.shoal.metainfo;

import org.osgi.annotation.versioning.ConsumerType;

/** Told how far hashing has come. Called on the thread that asked for the work, a few times a second. */
@ConsumerType
@FunctionalInterface
public interface HashProgress {

    /** Ignores progress. */
    HashProgress NONE = (hashed, total) -> { };

    void hashed(long bytesHashed, long totalBytes);
}
