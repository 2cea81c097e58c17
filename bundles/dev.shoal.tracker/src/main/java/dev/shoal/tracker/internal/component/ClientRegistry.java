package dev.shoal.tracker.internal.component;

import dev.shoal.tracker.api.TrackerClient;
import dev.shoal.tracker.internal.session.ClientLookup;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The TrackerClient services present now, by scheme. When two serve one scheme, the higher
 * {@code service.ranking} wins, then the older service (lower {@code service.id}), as the OSGi
 * service registry would pick.
 */
final class ClientRegistry implements ClientLookup {

    private record Registered(TrackerClient client, List<String> schemes, int ranking, long serviceId) {
    }

    private static final Comparator<Registered> PREFERRED = Comparator.comparingInt(Registered::ranking).reversed()
            .thenComparingLong(Registered::serviceId);

    private final List<Registered> registered = new CopyOnWriteArrayList<>();

    void add(TrackerClient client, Map<String, ?> properties) {
        registered.add(new Registered(client, schemes(properties.get(TrackerClient.SCHEMES)),
                properties.get("service.ranking") instanceof Integer ranking ? ranking : 0,
                properties.get("service.id") instanceof Long id ? id : Long.MAX_VALUE));
    }

    void update(TrackerClient client, Map<String, ?> properties) {
        remove(client);
        add(client, properties);
    }

    void remove(TrackerClient client) {
        registered.removeIf(r -> r.client() == client);
    }

    @Override
    public Optional<TrackerClient> forScheme(String scheme) {
        String wanted = scheme.toLowerCase(Locale.ROOT);
        return registered.stream().filter(r -> r.schemes().contains(wanted)).min(PREFERRED)
                .map(Registered::client);
    }

    /** The property may be a String, a String[] or a collection (as DS and the registry allow). */
    static List<String> schemes(Object property) {
        List<String> schemes = new ArrayList<>();
        if (property instanceof String single) {
            schemes.add(single);
        } else if (property instanceof String[] many) {
            schemes.addAll(List.of(many));
        } else if (property instanceof Collection<?> many) {
            many.forEach(s -> schemes.add(String.valueOf(s)));
        }
        return schemes.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
    }
}
