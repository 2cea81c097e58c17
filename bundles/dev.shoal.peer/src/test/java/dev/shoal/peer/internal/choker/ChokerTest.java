package dev.shoal.peer.internal.choker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ChokerTest {

    private static final long OLD = -1_000_000;

    private static PeerSnapshot<String> peer(String name, double down, double up) {
        return new PeerSnapshot<>(name, true, down, up, OLD, false);
    }

    @Test
    void leechingRewardsThoseWhoGiveUsMost() {
        Choker<String> choker = new Choker<>(4, new Random(1));
        List<PeerSnapshot<String>> peers = List.of(peer("slow", 10, 900), peer("a", 500, 0), peer("b", 400, 0),
                peer("c", 300, 0), peer("d", 200, 0));
        Set<String> unchoked = choker.rechoke(peers, false, 0);
        assertEquals(4, unchoked.size());
        assertTrue(unchoked.containsAll(Set.of("a", "b", "c")), unchoked.toString());
    }

    @Test
    void changedUploadSlotsTakeEffectAtTheNextRechoke() {
        Choker<String> choker = new Choker<>(4, new Random(1));
        List<PeerSnapshot<String>> peers = List.of(peer("a", 500, 0), peer("b", 400, 0), peer("c", 300, 0),
                peer("d", 200, 0), peer("e", 100, 0));
        assertEquals(4, choker.rechoke(peers, false, 0).size());
        choker.setUploadSlots(2);
        assertEquals(2, choker.rechoke(peers, false, 0).size());
        assertThrows(IllegalArgumentException.class, () -> choker.setUploadSlots(0));
    }

    @Test
    void seedingRewardsThoseWhoTakeMost() {
        Choker<String> choker = new Choker<>(2, new Random(1));
        List<PeerSnapshot<String>> peers = List.of(peer("taker", 0, 900), peer("giver", 900, 1), peer("x", 0, 5));
        assertTrue(choker.rechoke(peers, true, 0).contains("taker"));
    }

    @Test
    void uninterestedPeersAreNeverUnchokedAndSnubbedOnlyOptimistically() {
        Choker<String> choker = new Choker<>(3, new Random(1));
        List<PeerSnapshot<String>> peers = List.of(
                new PeerSnapshot<>("bored", false, 999, 999, OLD, false),
                new PeerSnapshot<>("snub", true, 999, 0, OLD, true),
                peer("ok", 1, 0));
        Set<String> unchoked = choker.rechoke(peers, false, 0);
        assertFalse(unchoked.contains("bored"));
        assertEquals(Set.of("ok", "snub"), unchoked, "the snubbed peer only holds the optimistic slot");
    }

    @Test
    void aPeerThatDoesNotReadGetsNoSlotAtAllAndItsSlotGoesToAnother() {
        Choker<String> choker = new Choker<>(2, new Random(1));
        List<PeerSnapshot<String>> peers = List.of(
                new PeerSnapshot<>("deaf", true, 0, 5_000_000, OLD, false, true),
                peer("reader", 0, 100));
        for (long now = 0; now <= 60_000; now += Choker.RECHOKE_INTERVAL_MILLIS) {
            assertEquals(Set.of("reader"), choker.rechoke(peers, true, now), "at " + now + " ms");
        }
    }

    @Test
    void optimisticSlotRotatesEveryThirtySeconds() {
        Choker<String> choker = new Choker<>(2, new Random(5));
        List<PeerSnapshot<String>> peers = new ArrayList<>();
        peers.add(peer("top", 1000, 0));
        for (int i = 0; i < 20; i++) {
            peers.add(peer("p" + i, 0, 0));
        }
        String first = optimistic(choker.rechoke(peers, false, 0));
        assertEquals(first, optimistic(choker.rechoke(peers, false, 10_000)));
        assertEquals(first, optimistic(choker.rechoke(peers, false, 20_000)));
        boolean changed = false;
        for (long t = 30_000; t <= 300_000 && !changed; t += 30_000) {
            changed = !first.equals(optimistic(choker.rechoke(peers, false, t)));
        }
        assertTrue(changed, "a new optimistic peer is drawn after 30 s");
    }

    @Test
    void newcomersAreFavouredForTheOptimisticSlot() {
        Map<String, Integer> wins = new HashMap<>();
        // Consecutive small seeds give java.util.Random correlated first draws; spread them.
        Random seeds = new Random(42);
        for (int round = 0; round < 2000; round++) {
            Choker<String> choker = new Choker<>(2, new Random(seeds.nextLong()));
            long now = 1_000_000;
            List<PeerSnapshot<String>> peers = List.of(peer("top", 1000, 0),
                    new PeerSnapshot<>("new", true, 0, 0, now - 5_000, false),
                    peer("old", 0, 0));
            wins.merge(optimistic(choker.rechoke(peers, false, now)), 1, Integer::sum);
        }
        double ratio = wins.get("new") / (double) wins.get("old");
        assertTrue(ratio > 2.4 && ratio < 3.8, "a newcomer wins about 3 times as often: " + wins);
    }

    @Test
    void needsASlot() {
        assertThrows(IllegalArgumentException.class, () -> new Choker<String>(0, new Random()));
    }

    private static String optimistic(Set<String> unchoked) {
        return unchoked.stream().filter(name -> !name.equals("top")).findFirst().orElseThrow();
    }
}
