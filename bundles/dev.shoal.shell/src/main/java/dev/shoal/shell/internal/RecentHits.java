package dev.shoal.shell.internal;

import dev.shoal.search.api.SearchHit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.apache.felix.service.command.CommandSession;

/**
 * The hits of the most recent search, which {@code shoal:fetch} numbers as it showed them: the
 * session's own last search when it ran one, else the last of any session ({@code shoal cli search}
 * and {@code shoal cli fetch} are two sessions). Sessions are held weakly, so a closed one's hits
 * go with it; each list is at most a search's limit.
 */
final class RecentHits {

    /** Guarded by this. */
    private final Map<CommandSession, List<SearchHit>> bySession = new WeakHashMap<>();
    private volatile List<SearchHit> last;

    synchronized void remember(CommandSession session, List<SearchHit> hits) {
        last = List.copyOf(hits);
        if (session != null) {
            bySession.put(session, last);
        }
    }

    synchronized Optional<List<SearchHit>> recall(CommandSession session) {
        List<SearchHit> own = session == null ? null : bySession.get(session);
        return Optional.ofNullable(own != null ? own : last);
    }
}
