package dev.shoal.dht.internal.routing;

import java.util.ArrayList;
import java.util.List;

/** Up to K live nodes and up to K replacements waiting for one of them to go bad. */
final class Bucket {

    final List<NodeEntry> live = new ArrayList<>();
    final List<NodeEntry> replacements = new ArrayList<>();
    long lastChanged;

    Bucket(long now) {
        lastChanged = now;
    }

    NodeEntry find(NodeId id) {
        for (NodeEntry e : live) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        return null;
    }

    NodeEntry findReplacement(NodeId id) {
        for (NodeEntry e : replacements) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        return null;
    }

    void addReplacement(NodeEntry entry, int k) {
        replacements.removeIf(e -> e.id().equals(entry.id()));
        if (replacements.size() >= k) {
            replacements.remove(0); // the stalest goes
        }
        replacements.add(entry);
    }

    /** The newest replacement that has answered us, else the newest at all, or null. */
    NodeEntry takeReplacement() {
        for (int i = replacements.size() - 1; i >= 0; i--) {
            if (replacements.get(i).confirmed()) {
                return replacements.remove(i);
            }
        }
        return replacements.isEmpty() ? null : replacements.remove(replacements.size() - 1);
    }
}
