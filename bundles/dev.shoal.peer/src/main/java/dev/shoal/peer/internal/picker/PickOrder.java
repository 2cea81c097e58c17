package dev.shoal.peer.internal.picker;

import java.util.Comparator;

/**
 * A piece the picker may take blocks from next, and the order in which they are taken, as one
 * comparator chain (as anacrolix's request-strategy orders them): higher priority first; then pieces
 * in progress before new ones, since a finished piece can be verified and shared sooner; then the
 * rarest in the swarm; then at random, so peers spread out.
 *
 * @param availability how many peers have it; 0 for every piece while the first few are picked at
 *                     random
 * @param tieBreak     a random number
 */
record PickOrder(int piece, Priority priority, boolean inProgress, int availability, int tieBreak) {

    static final Comparator<PickOrder> FIRST = Comparator.comparing(PickOrder::priority, Comparator.reverseOrder())
            .thenComparing(PickOrder::inProgress, Comparator.reverseOrder())
            .thenComparingInt(PickOrder::availability)
            .thenComparingInt(PickOrder::tieBreak);
}
