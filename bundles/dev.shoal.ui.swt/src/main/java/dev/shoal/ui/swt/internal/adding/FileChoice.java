package dev.shoal.ui.swt.internal.adding;

import dev.shoal.metainfo.FileEntry;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.support.text.Sizes;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a torrent as a tree of folders, each file checked (wanted) or not. Files are
 * numbered as the engine's {@code Torrent.files()} numbers them: the torrent's files in order with
 * the padding files left out, so an unchecked file's number is the index to skip.
 */
public final class FileChoice {

    /** How a folder's files are checked. */
    public enum State { CHECKED, UNCHECKED, MIXED }

    /** A folder (with children) or a file (with an index). */
    public static final class Node {
        private final String name;
        private final Node parent;
        private final int index;
        private final Map<String, Node> children = new LinkedHashMap<>();
        private List<Node> sorted = List.of();
        private int[] files = new int[0];
        private long size;

        private Node(String name, Node parent, int index) {
            this.name = name;
            this.parent = parent;
            this.index = index;
        }

        public String name() {
            return name;
        }

        /** The folder it is in; null at the top. */
        public Node parent() {
            return parent;
        }

        public boolean isFolder() {
            return index < 0;
        }

        /** The file's number in the engine's file list; -1 for a folder. */
        public int index() {
            return index;
        }

        /** Folders first, then files, each by name. */
        public List<Node> children() {
            return sorted;
        }

        /** Bytes of the file, or of every file below the folder. */
        public long size() {
            return size;
        }
    }

    private static final Comparator<Node> ORDER = Comparator.comparing((Node n) -> !n.isFolder())
            .thenComparing(Node::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Node::name);

    private final Node root = new Node("", null, -1);
    private final long[] sizes;
    private final BitSet checked;
    private long total;

    private FileChoice(List<FileEntry> wanted) {
        sizes = new long[wanted.size()];
        for (int i = 0; i < wanted.size(); i++) {
            FileEntry file = wanted.get(i);
            sizes[i] = file.length();
            total += file.length();
            Node folder = root;
            List<String> path = file.path();
            for (String part : path.subList(0, path.size() - 1)) {
                Node parent = folder;
                folder = parent.children.computeIfAbsent(part, p -> new Node(p, parent, -1));
            }
            // Two files of one path cannot be parsed, but a folder and a file of one name could: keep both.
            String name = path.get(path.size() - 1);
            String key = folder.children.containsKey(name) ? name + "\0" + i : name;
            folder.children.put(key, new Node(name, folder, i));
        }
        finish(root);
        checked = new BitSet(sizes.length);
        checked.set(0, sizes.length);
    }

    /** Every file of the torrent checked. */
    public static FileChoice of(Metainfo metainfo) {
        return new FileChoice(metainfo.files().stream().filter(f -> !f.isPadding()).toList());
    }

    /** Sorts the children and gathers the sizes and file numbers below each folder. */
    private int[] finish(Node node) {
        if (!node.isFolder()) {
            node.size = sizes[node.index];
            return new int[] {node.index};
        }
        List<Node> children = new ArrayList<>(node.children.values());
        children.sort(ORDER);
        node.sorted = List.copyOf(children);
        List<int[]> parts = new ArrayList<>();
        int count = 0;
        for (Node child : children) {
            int[] below = finish(child);
            parts.add(below);
            count += below.length;
            node.size += child.size;
        }
        node.files = new int[count];
        int at = 0;
        for (int[] part : parts) {
            System.arraycopy(part, 0, node.files, at, part.length);
            at += part.length;
        }
        return node.files;
    }

    /** The top level: the torrent's folder, or its one file. */
    public List<Node> roots() {
        return root.children();
    }

    public State state(Node node) {
        if (!node.isFolder()) {
            return checked.get(node.index) ? State.CHECKED : State.UNCHECKED;
        }
        int on = 0;
        for (int file : node.files) {
            if (checked.get(file)) {
                on++;
            }
        }
        return on == node.files.length ? State.CHECKED : on == 0 ? State.UNCHECKED : State.MIXED;
    }

    /** Checks or unchecks the file, or every file below the folder. */
    public void set(Node node, boolean on) {
        if (node.isFolder()) {
            for (int file : node.files) {
                checked.set(file, on);
            }
        } else {
            checked.set(node.index, on);
        }
    }

    public void setAll(boolean on) {
        checked.set(0, sizes.length, on);
    }

    public int fileCount() {
        return sizes.length;
    }

    public long totalBytes() {
        return total;
    }

    public int selectedCount() {
        return checked.cardinality();
    }

    public long selectedBytes() {
        long sum = 0;
        for (int i = checked.nextSetBit(0); i >= 0; i = checked.nextSetBit(i + 1)) {
            sum += sizes[i];
        }
        return sum;
    }

    /** The engine's file numbers to set to SKIP: those not checked, in order. */
    public List<Integer> skipped() {
        List<Integer> skip = new ArrayList<>();
        for (int i = checked.nextClearBit(0); i < sizes.length; i = checked.nextClearBit(i + 1)) {
            skip.add(i);
        }
        return skip;
    }

    /** "selected 2 of 3 files, 1.5 MiB of 2.0 MiB". */
    public String summary() {
        return "selected " + selectedCount() + " of " + fileCount() + (fileCount() == 1 ? " file, " : " files, ")
                + Sizes.of(selectedBytes()) + " of " + Sizes.of(totalBytes());
    }
}
