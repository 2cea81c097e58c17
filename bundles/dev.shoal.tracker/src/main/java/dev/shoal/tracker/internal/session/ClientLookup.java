package dev.shoal.tracker.internal.session;

import dev.shoal.tracker.api.TrackerClient;
import java.util.Optional;

/** Finds the client for a URL scheme at the moment of asking, so plugins come and go live. */
@FunctionalInterface
public interface ClientLookup {

    Optional<TrackerClient> forScheme(String scheme);
}
