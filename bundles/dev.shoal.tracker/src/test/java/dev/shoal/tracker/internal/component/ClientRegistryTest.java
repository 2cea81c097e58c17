package dev.shoal.tracker.internal.component;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.tracker.api.AnnounceRequest;
import dev.shoal.tracker.api.AnnounceResponse;
import dev.shoal.tracker.api.ScrapeResponse;
import dev.shoal.tracker.api.TrackerClient;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class ClientRegistryTest {

    /** A client that is never called: only its identity matters here. */
    static final class Named implements TrackerClient {
        @Override
        public CompletionStage<AnnounceResponse> announce(URI tracker, AnnounceRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<ScrapeResponse> scrape(URI tracker, List<InfoHash> infoHashes) {
            throw new UnsupportedOperationException();
        }
    }

    private final ClientRegistry registry = new ClientRegistry();

    @Test
    void findsAClientByAnyOfItsSchemesIgnoringCase() {
        Named http = new Named();
        registry.add(http, Map.of(TrackerClient.SCHEMES, new String[] {"http", "HTTPS"}, "service.id", 1L));
        assertEquals(Optional.of(http), registry.forScheme("https"));
        assertEquals(Optional.of(http), registry.forScheme("HTTP"));
        assertEquals(Optional.empty(), registry.forScheme("udp"));
    }

    @Test
    void theHigherRankingThenTheOlderServiceWins() {
        Named old = new Named();
        Named young = new Named();
        Named ranked = new Named();
        registry.add(young, Map.of(TrackerClient.SCHEMES, "udp", "service.id", 9L));
        registry.add(old, Map.of(TrackerClient.SCHEMES, "udp", "service.id", 2L));
        assertEquals(Optional.of(old), registry.forScheme("udp"));
        registry.add(ranked, Map.of(TrackerClient.SCHEMES, List.of("udp"), "service.id", 20L, "service.ranking", 5));
        assertEquals(Optional.of(ranked), registry.forScheme("udp"));
        registry.remove(ranked);
        assertEquals(Optional.of(old), registry.forScheme("udp"));
    }

    @Test
    void anUpdatedServiceServesItsNewSchemes() {
        Named client = new Named();
        registry.add(client, Map.of(TrackerClient.SCHEMES, "wss"));
        registry.update(client, Map.of(TrackerClient.SCHEMES, "ws"));
        assertEquals(Optional.empty(), registry.forScheme("wss"));
        assertEquals(Optional.of(client), registry.forScheme("ws"));
    }

    @Test
    void aServiceWithoutSchemesServesNothing() {
        registry.add(new Named(), Map.of());
        assertEquals(Optional.empty(), registry.forScheme("http"));
        assertEquals(List.of(), ClientRegistry.schemes(42));
    }
}
