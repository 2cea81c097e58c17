package dev.shoal.peer.internal.picker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class PiecePickerTest {

    private static final int PIECE = 4 * PiecePicker.BLOCK_SIZE;
    private static final IntPredicate ALL = piece -> true;

    private static PiecePicker<String> picker(int pieces, long total, long seed) {
        return new PiecePicker<>(pieces, PIECE, total, new Random(seed));
    }

    private static PiecePicker<String> picker(int pieces) {
        return picker(pieces, (long) pieces * PIECE, 1);
    }

    @Test
    void rejectsALayoutThatCannotHoldTheTotal() {
        assertThrows(IllegalArgumentException.class, () -> picker(4, 5L * PIECE, 1));
        assertThrows(IllegalArgumentException.class, () -> picker(4, 3L * PIECE, 1));
    }

    @Test
    void lastPieceAndLastBlockAreShort() {
        long total = 2L * PIECE + PiecePicker.BLOCK_SIZE + 100;
        PiecePicker<String> picker = picker(3, total, 7);
        picker.have(0);
        picker.have(1);
        List<Block> blocks = picker.pick("a", ALL, 10);
        assertEquals(List.of(new Block(2, 0, PiecePicker.BLOCK_SIZE), new Block(2, PiecePicker.BLOCK_SIZE, 100)), blocks);
        picker.checkInvariant();
    }

    @Test
    void blocksOnDiskAreNotAskedForAndTheirPiecesComeFirst() {
        PiecePicker<String> picker = picker(8);
        picker.have(7);
        BitSet written = new BitSet();
        written.set(0);
        written.set(2);
        BitSet all = new BitSet();
        all.set(0, 4);
        BitSet tooLong = new BitSet();
        tooLong.set(4);
        // A piece already had, one with every block (it would never complete), one off the grid: ignored.
        picker.onDisk(Map.of(5, written, 7, written, 3, all, 4, tooLong, 99, written), false);
        picker.checkInvariant();
        List<Block> blocks = picker.pick("a", ALL, 2);
        assertEquals(List.of(new Block(5, PiecePicker.BLOCK_SIZE, PiecePicker.BLOCK_SIZE),
                new Block(5, 3 * PiecePicker.BLOCK_SIZE, PiecePicker.BLOCK_SIZE)), blocks);
        assertEquals(Received.Outcome.ACCEPTED, picker.received("a", blocks.get(0)).outcome());
        assertEquals(Received.Outcome.PIECE_COMPLETE, picker.received("a", blocks.get(1)).outcome());
        assertEquals(Set.of("a"), picker.failed(5), "only who sent blocks is blamed, not the disk");
        picker.checkInvariant();
    }

    @Test
    void aReplacedStorageKeepsTheBlocksItKnowsAndTheOthersAreFetchedAgain() {
        PiecePicker<String> picker = picker(2);
        List<Block> blocks = picker.pick("a", ALL, 4);
        for (Block block : blocks.subList(0, 3)) {
            picker.received("a", block);
        }
        BitSet known = new BitSet();
        known.set(blocks.get(0).index());
        picker.onDisk(Map.of(blocks.get(0).piece(), known), true);
        picker.checkInvariant();
        List<Block> again = picker.pick("b", ALL, 2);
        assertEquals(List.of(blocks.get(1), blocks.get(2)), again);
    }

    @Test
    void firstPiecesAreRandomThenRarestFirst() {
        Set<Integer> firstPicks = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            PiecePicker<String> picker = picker(50, 50L * PIECE, seed);
            for (int piece = 0; piece < 50; piece++) {
                for (int copies = 0; copies <= piece; copies++) {
                    picker.peerHas(piece); // piece 0 is the rarest, 49 the most common
                }
            }
            firstPicks.add(picker.pick("a", ALL, 1).get(0).piece());
        }
        assertTrue(firstPicks.size() > 10, "random first pieces spread out: " + firstPicks);

        PiecePicker<String> picker = picker(50, 50L * PIECE, 3);
        for (int piece = 0; piece < 50; piece++) {
            for (int copies = 0; copies <= 50 - piece; copies++) {
                picker.peerHas(piece); // now piece 49 is the rarest
            }
        }
        for (int piece = 0; piece < PiecePicker.RANDOM_FIRST_PIECES; piece++) {
            picker.have(piece);
        }
        assertEquals(49, picker.pick("a", ALL, 1).get(0).piece());
    }

    @RepeatedTest(20)
    void eachNewPieceIsTheRarestThePeerHasAmongThoseNotStarted(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        int pieces = 200;
        PiecePicker<String> picker = picker(pieces, (long) pieces * PIECE, repetition.getCurrentRepetition());
        for (int piece = 0; piece < PiecePicker.RANDOM_FIRST_PIECES; piece++) {
            picker.have(piece);
        }
        for (int peers = 0; peers < 30; peers++) {
            BitSet has = new BitSet();
            for (int piece = 0; piece < pieces; piece++) {
                if (random.nextInt(4) > 0) {
                    has.set(piece);
                }
            }
            picker.peerHasAll(has::get);
        }
        BitSet peer = new BitSet();
        for (int piece = 0; piece < pieces; piece++) {
            if (random.nextBoolean()) {
                peer.set(piece);
            }
        }
        Set<Integer> started = new HashSet<>();
        for (int round = 0; round < 40; round++) {
            int piece = picker.pick("a", peer::get, 4).get(0).piece();
            int rarest = Integer.MAX_VALUE;
            for (int other = peer.nextSetBit(0); other >= 0; other = peer.nextSetBit(other + 1)) {
                if (!picker.has(other) && !started.contains(other)) {
                    rarest = Math.min(rarest, picker.availability(other));
                }
            }
            assertEquals(rarest, picker.availability(piece), "piece " + piece + " in round " + round);
            started.add(piece);
            picker.checkInvariant();
        }
    }

    @Test
    void rarestTiesAreBrokenAtRandom() {
        Set<Integer> picks = new HashSet<>();
        for (long seed = 0; seed < 30; seed++) {
            PiecePicker<String> picker = picker(20, 20L * PIECE, seed);
            for (int piece = 0; piece < PiecePicker.RANDOM_FIRST_PIECES; piece++) {
                picker.have(piece);
            }
            picker.peerHasAll(ALL);
            picks.add(picker.pick("a", ALL, 1).get(0).piece());
        }
        assertTrue(picks.size() > 5, "ties spread over pieces: " + picks);
    }

    @Test
    void highPriorityBeforeRarityAndSkippedNever() {
        PiecePicker<String> picker = picker(10);
        for (int piece = 0; piece < PiecePicker.RANDOM_FIRST_PIECES; piece++) {
            picker.have(piece);
        }
        picker.peerHasAll(ALL);
        picker.peerHas(9); // 9 is common, everything else rarer
        picker.setPriority(9, Priority.HIGH);
        for (int piece = 4; piece < 9; piece++) {
            picker.setPriority(piece, Priority.SKIP);
        }
        List<Block> blocks = picker.pick("a", ALL, 100);
        assertEquals(Set.of(9), pieces(blocks));
        assertEquals(Set.of(9), pieces(picker.pick("b", ALL, 100)), "only end-game copies of 9, never a skipped piece");
        assertFalse(picker.isFinished());
    }

    @Test
    void highPiecesComeBeforeNormalOnesAlreadyInProgress() {
        PiecePicker<String> picker = picker(10);
        picker.peerHasAll(ALL);
        List<Block> first = picker.pick("a", ALL, 2); // starts a normal piece, half asked for
        int normal = first.get(0).piece();
        int high = (normal + 5) % 10;
        picker.setPriority(high, Priority.HIGH);
        List<Block> next = picker.pick("b", ALL, 4);
        assertEquals(Set.of(high), pieces(next), "the high piece's four blocks before the normal piece's rest");
        assertEquals(Set.of(normal), pieces(picker.pick("b", ALL, 2)), "then the rest of the normal piece in progress");
        picker.checkInvariant();
    }

    @Test
    void aPieceSkippedWhileInProgressIsLeftAloneAndTakenUpWhenWantedAgain() {
        PiecePicker<String> picker = picker(3);
        picker.peerHasAll(ALL);
        List<Block> first = picker.pick("a", ALL, 2);
        int piece = first.get(0).piece();
        picker.setPriority(piece, Priority.SKIP);
        assertFalse(picker.isWanted(piece));
        assertTrue(picker.pick("b", p -> p == piece, 10).isEmpty(), "no block of the skipped piece, nor end-game copies");
        List<Block> others = picker.pick("b", ALL, 100);
        assertFalse(pieces(others).contains(piece), others.toString());
        assertEquals(8, others.size());
        others.forEach(block -> picker.received("b", block));
        picker.verified(pieces(others).stream().min(Integer::compare).orElseThrow());
        picker.verified(pieces(others).stream().max(Integer::compare).orElseThrow());
        assertTrue(picker.isFinished(), "every wanted piece is verified");
        assertFalse(picker.inEndGame(), "done: no end game although a skipped piece is half asked for");
        assertTrue(picker.pick("c", ALL, 10).isEmpty());

        picker.setPriority(piece, Priority.NORMAL);
        assertFalse(picker.isFinished());
        first.forEach(block -> picker.release("a", block));
        List<Block> rest = picker.pick("c", ALL, 10);
        assertEquals(4, rest.size(), "the partial piece is taken up where it was: " + rest);
        picker.checkInvariant();
    }

    @Test
    void interestIsInWantedPiecesWeLack() {
        PiecePicker<String> picker = picker(4);
        picker.have(0);
        picker.setPriority(1, Priority.SKIP);
        BitSet theirs = new BitSet();
        theirs.set(0);
        theirs.set(1);
        assertFalse(picker.wantsAnyOf(theirs), "one we have and one we skip");
        theirs.set(3);
        assertTrue(picker.wantsAnyOf(theirs));
        picker.setPriority(3, Priority.SKIP);
        assertFalse(picker.wantsAnyOf(theirs), "a change of priorities changes the interest");
        picker.setPriority(0, Priority.HIGH);
        assertFalse(picker.wantsAnyOf(theirs), "a piece we have is never wanted, whatever its level");
        assertFalse(picker.isFinished(), "piece 2 is still wanted");
        picker.checkInvariant();
    }

    @Test
    void skippingEveryMissingPieceFinishes() {
        PiecePicker<String> picker = picker(5);
        picker.peerHasAll(ALL);
        picker.have(2);
        for (int piece = 0; piece < 5; piece++) {
            picker.setPriority(piece, piece == 2 ? Priority.HIGH : Priority.SKIP);
        }
        assertTrue(picker.isFinished());
        assertTrue(picker.pick("a", ALL, 10).isEmpty());
        assertFalse(picker.inEndGame());
        picker.checkInvariant();
    }

    @Test
    void onlyPiecesThePeerHas() {
        PiecePicker<String> picker = picker(8);
        IntPredicate odd = piece -> piece % 2 == 1;
        picker.peerHasAll(odd);
        List<Block> blocks = picker.pick("a", odd, 100);
        assertTrue(pieces(blocks).stream().allMatch(piece -> piece % 2 == 1), blocks.toString());
        assertEquals(16, blocks.size());
    }

    @Test
    void piecesInProgressAreFinishedBeforeNewOnesStart() {
        PiecePicker<String> picker = picker(10);
        picker.peerHasAll(ALL);
        List<Block> first = picker.pick("a", ALL, 2);
        int piece = first.get(0).piece();
        List<Block> second = picker.pick("b", ALL, 2);
        assertEquals(Set.of(piece), pieces(second), "b continues the piece a started");
        assertTrue(new HashSet<>(first).stream().noneMatch(second::contains), "no block asked twice");
    }

    @Test
    void blocksCompleteAPieceAndRejectStrangers() {
        PiecePicker<String> picker = picker(2);
        picker.have(1);
        List<Block> blocks = picker.pick("a", ALL, 10);
        assertEquals(4, blocks.size());
        assertEquals(Received.Outcome.UNEXPECTED, picker.received("a", new Block(1, 0, PiecePicker.BLOCK_SIZE)).outcome());
        assertEquals(Received.Outcome.UNEXPECTED, picker.received("a", new Block(0, 100, 10)).outcome());
        for (int i = 0; i < 3; i++) {
            assertEquals(Received.Outcome.ACCEPTED, picker.received("a", blocks.get(i)).outcome());
        }
        assertEquals(Received.Outcome.DUPLICATE, picker.received("a", blocks.get(0)).outcome());
        assertEquals(Received.Outcome.PIECE_COMPLETE, picker.received("a", blocks.get(3)).outcome());
        picker.checkInvariant();
        picker.verified(0);
        assertTrue(picker.isFinished());
    }

    @Test
    void aFailedPieceNamesItsContributorsAndStartsOver() {
        PiecePicker<String> picker = picker(1);
        List<Block> fromA = picker.pick("a", ALL, 2);
        List<Block> fromB = picker.pick("b", ALL, 2);
        fromA.forEach(block -> picker.received("a", block));
        fromB.forEach(block -> picker.received("b", block));
        assertEquals(Set.of("a", "b"), picker.failed(0));
        picker.checkInvariant();
        assertEquals(4, picker.pick("c", ALL, 10).size(), "the piece is asked for again");
        assertFalse(picker.has(0));
    }

    @Test
    void endGameAsksASecondPeerAndCancelsTheLateCopy() {
        PiecePicker<String> picker = picker(1);
        List<Block> fromA = picker.pick("a", ALL, 10);
        assertTrue(picker.inEndGame());
        List<Block> fromB = picker.pick("b", ALL, 10);
        assertEquals(fromA, fromB, "in end game b is asked for the same blocks");
        assertTrue(picker.pick("a", ALL, 10).isEmpty(), "never the same block twice to one peer");
        Received<String> received = picker.received("a", fromA.get(0));
        assertEquals(List.of("b"), received.cancelAt());
        assertEquals(Received.Outcome.DUPLICATE, picker.received("b", fromA.get(0)).outcome());
        picker.checkInvariant();
    }

    @Test
    void releasedBlocksAreOfferedToOthers() {
        PiecePicker<String> picker = picker(1);
        List<Block> fromA = picker.pick("a", ALL, 2);
        picker.release("a", fromA.get(0));
        picker.releaseAll("a");
        picker.peerGone("a", ALL);
        picker.checkInvariant();
        List<Block> fromB = picker.pick("b", ALL, 10);
        assertEquals(4, fromB.size());
        assertFalse(picker.inEndGame() && fromB.size() < 4);
    }

    /**
     * A swarm in miniature: peers with random pieces come and go, choke, reject, send corrupt
     * pieces; after every step the picker's books must balance, and in the end every piece is
     * verified.
     */
    @RepeatedTest(40)
    void randomSwarmCompletesAndKeepsItsBooks(RepetitionInfo repetition) {
        randomSwarm(new Random(repetition.getCurrentRepetition()), false);
    }

    /** The same, while priorities change at random: a skipped piece is never picked, and the wanted ones all arrive. */
    @RepeatedTest(40)
    void randomSwarmWithChangingPrioritiesFetchesExactlyTheWantedPieces(RepetitionInfo repetition) {
        randomSwarm(new Random(1000 + repetition.getCurrentRepetition()), true);
    }

    private static void randomSwarm(Random random, boolean changePriorities) {
        int pieceCount = 1 + random.nextInt(40);
        long total = (long) (pieceCount - 1) * PIECE + 1 + random.nextInt(PIECE);
        PiecePicker<String> picker = new PiecePicker<>(pieceCount, PIECE, total, random);
        Map<String, BitSet> peers = new HashMap<>();
        Map<String, List<Block>> outstanding = new HashMap<>();
        Map<Integer, Set<String>> corruptPieces = new HashMap<>();
        int seeder = 0;
        for (int step = 0; step < 100_000 && !picker.isFinished(); step++) {
            if (peers.isEmpty() || random.nextInt(50) == 0) {
                String name = "p" + seeder++;
                BitSet pieces = new BitSet();
                for (int piece = 0; piece < pieceCount; piece++) {
                    if (random.nextInt(3) > 0 || seeder % 4 == 0) {
                        pieces.set(piece);
                    }
                }
                peers.put(name, pieces);
                outstanding.put(name, new ArrayList<>());
                picker.peerHasAll(pieces::get);
            }
            List<String> names = new ArrayList<>(peers.keySet());
            String peer = names.get(random.nextInt(names.size()));
            BitSet pieces = peers.get(peer);
            int action = random.nextInt(100);
            if (changePriorities && random.nextInt(200) == 0) {
                picker.setPriority(random.nextInt(pieceCount), Priority.values()[random.nextInt(3)]);
            }
            if (action < 40) {
                List<Block> picked = picker.pick(peer, pieces::get, 1 + random.nextInt(8));
                for (Block block : picked) {
                    assertTrue(picker.isWanted(block.piece()), "picked " + block + " of an unwanted piece");
                }
                outstanding.get(peer).addAll(picked);
            } else if (action < 90 && !outstanding.get(peer).isEmpty()) {
                Block block = outstanding.get(peer).remove(0);
                Received<String> received = picker.received(peer, block);
                for (String other : received.cancelAt()) {
                    outstanding.get(other).remove(block);
                    picker.release(other, block);
                }
                if (received.outcome() == Received.Outcome.PIECE_COMPLETE) {
                    if (random.nextInt(20) == 0) {
                        corruptPieces.computeIfAbsent(block.piece(), p -> new HashSet<>())
                                .addAll(picker.failed(block.piece()));
                    } else {
                        picker.verified(block.piece());
                    }
                }
            } else if (action < 95 && !outstanding.get(peer).isEmpty()) {
                picker.release(peer, outstanding.get(peer).remove(0)); // rejected
            } else if (peers.size() > 1) {
                picker.peerGone(peer, pieces::get);
                peers.remove(peer);
                outstanding.remove(peer);
            }
            picker.checkInvariant();
        }
        assertTrue(picker.isFinished(), "the swarm finished (" + picker.haveCount() + " of " + pieceCount + ")");
        for (int piece = 0; piece < pieceCount; piece++) {
            assertTrue(picker.has(piece) || picker.priority(piece) == Priority.SKIP, "piece " + piece + " wanted but missing");
        }
        corruptPieces.values().forEach(suspects -> assertFalse(suspects.isEmpty()));
    }

    private static Set<Integer> pieces(List<Block> blocks) {
        Set<Integer> pieces = new HashSet<>();
        blocks.forEach(block -> pieces.add(block.piece()));
        return pieces;
    }
}
