package dev.shoal.ui.swt.internal.model;

import dev.shoal.engine.api.FilePriority;
import dev.shoal.engine.api.FileStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A torrent's files as folders and files, built from the '/'-separated paths. The shape is built
 * once per torrent; sizes, progress and priorities are summed anew from each refresh's files.
 */
public final class FileTree {

    /** A folder (file index -1) or a file; {@code files} are the indices of every file under it. */
    public static final class Node {
        private final String name;
        private final String path;
        private final int fileIndex;
        private final Map<String, Node> children = new LinkedHashMap<>();
        private final List<Integer> files = new ArrayList<>();

        Node(String name, String path, int fileIndex) {
            this.name = name;
            this.path = path;
            this.fileIndex = fileIndex;
        }

        public String name() {
            return name;
        }

        public String path() {
            return path;
        }

        public boolean isFolder() {
            return fileIndex < 0;
        }

        public List<Node> children() {
            return List.copyOf(children.values());
        }

        /** Indices (into the torrent's file list) of the files at or under this node. */
        public List<Integer> files() {
            return List.copyOf(files);
        }

        public long size(List<FileStatus> status) {
            long sum = 0;
            for (int i : files) {
                sum += status.get(i).size();
            }
            return sum;
        }

        public double progress(List<FileStatus> status) {
            long size = 0;
            long verified = 0;
            for (int i : files) {
                size += status.get(i).size();
                verified += status.get(i).verifiedBytes();
            }
            return size == 0 ? 1.0 : (double) verified / size;
        }

        /** The priority every file under it shares; empty when they differ ("Mixed"). */
        public Optional<FilePriority> priority(List<FileStatus> status) {
            FilePriority common = null;
            for (int i : files) {
                FilePriority p = status.get(i).priority();
                if (common == null) {
                    common = p;
                } else if (common != p) {
                    return Optional.empty();
                }
            }
            return Optional.ofNullable(common);
        }
    }

    private final Node root = new Node("", "", -1);
    private final int fileCount;

    private FileTree(List<FileStatus> files) {
        this.fileCount = files.size();
        for (int i = 0; i < files.size(); i++) {
            String[] parts = files.get(i).path().split("/");
            Node node = root;
            node.files.add(i);
            StringBuilder path = new StringBuilder();
            for (int p = 0; p < parts.length; p++) {
                if (path.length() > 0) {
                    path.append('/');
                }
                path.append(parts[p]);
                boolean leaf = p == parts.length - 1;
                String key = (leaf ? "f:" : "d:") + parts[p];
                int index = i;
                String nodePath = path.toString();
                boolean folder = !leaf;
                node = node.children.computeIfAbsent(key, k -> new Node(k.substring(2), nodePath, folder ? -1 : index));
                node.files.add(i);
            }
        }
    }

    public static FileTree of(List<FileStatus> files) {
        return new FileTree(files);
    }

    /** The top level: the torrent's folder(s) and files. */
    public List<Node> top() {
        return root.children();
    }

    /** Whether {@code files} still fit this shape (same count); a torrent's files do not change. */
    public boolean fits(List<FileStatus> files) {
        return files.size() == fileCount;
    }
}
