package dev.shoal.dht.internal.node;

import static dev.shoal.dht.internal.node.UdpNetworkTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.dht.internal.lookup.Lookup;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Bootstrap names that do not resolve at first are tried again with a backoff, and the node joins
 * through a real node on loopback once the name answers; nothing is resolved once the node has joined.
 * The node's clock is the test's, so the backoff is checked to the millisecond without waiting.
 */
class BootstrapNamesTest {

    private static final NodeSettings V4_ONLY = NodeSettings.DEFAULT.withFamilies(true, false);
    private static final String NAME = "router.bootstrap.invalid";

    /** Answers {@code NAME} with 127.0.0.1 (resolved by InetAddress) after failing {@code failures} times. */
    private static final class FlakyDns implements BootstrapNames.Resolver {
        final List<String> asked = new ArrayList<>();
        private int failures;

        FlakyDns(int failures) {
            this.failures = failures;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            asked.add(host);
            if (failures > 0 || !host.equals(NAME)) {
                failures--;
                throw new UnknownHostException(host + ": Temporary failure in name resolution");
            }
            return InetAddress.getAllByName("127.0.0.1");
        }
    }

    @Test
    void aNameThatFailsIsRetriedWithBackoffAndTheNodeJoinsThroughItOnceItResolves() throws Exception {
        AtomicLong clock = new AtomicLong(1_000_000);
        FlakyDns dns = new FlakyDns(3);
        try (UdpNode router = new UdpNode(V4_ONLY, null, 1); UdpNode joining = new UdpNode(V4_ONLY, null, 2, clock::get)) {
            BootstrapNames names = new BootstrapNames(new String[] {NAME + ":" + router.address.getPort()}, dns,
                    joining.node);
            names.resolveDue();
            assertEquals(1, dns.asked.size(), "resolved at once");
            joining.node.tick();
            assertEquals(0, joining.node.bootstrap().routerQueries(), "no router yet");

            long[] backoffs = {5_000, 10_000, 20_000};
            for (int i = 0; i < backoffs.length; i++) {
                long due = names.dueAt(NAME);
                assertEquals(clock.get() + backoffs[i], due, "backoff after failure " + (i + 1));
                clock.set(due - 1);
                names.resolveDue();
                assertEquals(i + 1, dns.asked.size(), "not before it is due");
                clock.set(due);
                names.resolveDue();
                assertEquals(i + 2, dns.asked.size(), "retried when due");
            }
            assertEquals(clock.get() + BootstrapNames.REFRESH_MILLIS, names.dueAt(NAME), "resolved: the slow interval");

            await(() -> {
                joining.node.tick();
                return joining.node.status().good4() >= 1;
            }, "the node joins through the router the name resolved to");
            assertTrue(joining.node.bootstrap().routerQueries() >= 1);

            clock.addAndGet(BootstrapNames.REFRESH_MILLIS - 1);
            names.resolveDue();
            assertEquals(4, dns.asked.size(), "a resolved name waits for the slow interval");
            clock.incrementAndGet();
            names.resolveDue();
            assertEquals(5, dns.asked.size(), "fewer than K good nodes: resolved afresh every 30 minutes");
        }
    }

    @Test
    void aJoinedNodeResolvesNothingMoreAndBadEntriesAreLeftOut() throws Exception {
        // K = 1: one good node is a joined table.
        Lookup.Settings l = Lookup.Settings.DEFAULT;
        NodeSettings d = V4_ONLY;
        NodeSettings k1 = new NodeSettings(new Lookup.Settings(1, l.alpha(), l.maxInFlight(), l.slowMillis(),
                l.maxQueries(), l.maxCandidates()), d.limiter(), d.v4(), d.v6(), d.preferVerified(),
                d.queryTimeoutMillis(), d.maxTransactions(), d.maxLookups(), d.maxTorrentLookups(), d.researchMillis(),
                d.fewPeers(), d.researchFewMillis(), d.maxStoredTorrents(), d.maxStoredPeers(), d.peerTtlMillis(),
                d.maxValues(), d.savedPerFamily());
        AtomicLong clock = new AtomicLong(1_000_000);
        FlakyDns dns = new FlakyDns(0);
        try (UdpNode router = new UdpNode(k1, null, 1); UdpNode joining = new UdpNode(k1, null, 2, clock::get)) {
            BootstrapNames names = new BootstrapNames(new String[] {"", "no-port", "host:99999", ":6881",
                "gone.invalid:6881", NAME + ":" + router.address.getPort()}, dns, joining.node);
            names.resolveDue();
            assertEquals(List.of("gone.invalid", NAME), dns.asked, "only the well-formed entries are resolved");
            await(() -> {
                joining.node.tick();
                return joining.node.joined();
            }, "joined through the name that resolved");

            // Past the failed name's first retry, well within the 15 minutes the router stays good.
            clock.addAndGet(BootstrapNames.FIRST_RETRY_MILLIS * 2);
            names.resolveDue();
            assertEquals(2, dns.asked.size(), "joined: the failed name is not asked again");
        }
    }
}
