package dev.shoal.tracker.internal.session;

import dev.shoal.tracker.api.TrackerException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

/** What a failed announce means: the reason a tracker's status shows, and what it says of the tracker's host. */
final class Outcomes {

    private Outcomes() {
    }

    /** The one-line reason shown for a failed announce. */
    static String reason(boolean timedOut, Duration timeout, Throwable failure) {
        if (timedOut) {
            return "no answer within " + timeout.toSeconds() + " s";
        }
        Throwable cause = cause(failure);
        if (cause instanceof TrackerException || cause instanceof CancellationException) {
            return String.valueOf(cause.getMessage());
        }
        return cause.toString();
    }

    /** What an announce's outcome says of its tracker's host (not of the torrent: a refusal is an answer). */
    static TrackerHosts.Verdict verdict(boolean timedOut, Throwable failure) {
        if (failure == null) {
            return TrackerHosts.Verdict.ANSWERED;
        }
        if (timedOut) {
            return TrackerHosts.Verdict.UNREACHABLE;
        }
        if (cause(failure) instanceof TrackerException tracker) {
            return switch (tracker.kind()) {
                case NETWORK -> TrackerHosts.Verdict.UNREACHABLE;
                case TRACKER_FAILURE, MALFORMED_RESPONSE -> TrackerHosts.Verdict.ANSWERED;
                case UNSUPPORTED -> TrackerHosts.Verdict.NONE;
            };
        }
        return TrackerHosts.Verdict.NONE; // called off, or a plugin client that threw
    }

    private static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
