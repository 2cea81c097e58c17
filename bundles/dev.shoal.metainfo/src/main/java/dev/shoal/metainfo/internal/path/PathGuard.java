package dev.shoal.metainfo.internal.path;

import dev.shoal.metainfo.InvalidTorrentException;
import dev.shoal.metainfo.PathPolicy;
import dev.shoal.metainfo.internal.text.Quote;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a {@link PathPolicy} to the paths of one torrent: each component through
 * {@link PathValidator}, then the whole file list for names that would land on the same file.
 * Collects a warning for everything it rewrites. One instance per parse.
 */
public final class PathGuard {

    private final PathPolicy policy;
    private final List<String> warnings;

    public PathGuard(PathPolicy policy, List<String> warnings) {
        this.policy = policy;
        this.warnings = warnings;
    }

    public PathPolicy policy() {
        return policy;
    }

    /** The torrent's name, checked as one component. */
    public String name(String name) throws InvalidTorrentException {
        Optional<String> problem = PathValidator.problem(name);
        if (problem.isEmpty()) {
            return name;
        }
        if (policy == PathPolicy.REJECT) {
            throw new InvalidTorrentException("unsafe torrent name " + Quote.of(name) + ": " + problem.get());
        }
        String safe = PathValidator.sanitize(name);
        warnings.add("renamed unsafe torrent name " + Quote.of(name) + " to " + Quote.of(safe)
                + " (" + problem.get() + ")");
        return safe;
    }

    /**
     * {@code components} checked one by one; {@code prefix} (already checked) only shows in
     * messages, which name the whole path.
     *
     * @param what "file path" or "symlink target", for the message
     */
    public List<String> path(List<String> prefix, List<String> components, String what)
            throws InvalidTorrentException {
        List<String> safe = null;
        for (int i = 0; i < components.size(); i++) {
            String component = components.get(i);
            Optional<String> problem = PathValidator.problem(component);
            if (problem.isEmpty()) {
                continue;
            }
            String shown = Quote.of(join(prefix, components));
            if (policy == PathPolicy.REJECT) {
                throw new InvalidTorrentException("unsafe " + what + " " + shown + ": " + problem.get());
            }
            if (safe == null) {
                safe = new ArrayList<>(components);
            }
            safe.set(i, PathValidator.sanitize(component));
            warnings.add("renamed unsafe " + what + " " + shown + " to " + Quote.of(join(prefix, safe))
                    + " (" + problem.get() + ")");
        }
        return safe == null ? components : List.copyOf(safe);
    }

    /**
     * Finds files that would be one file on a case-insensitive, normalization-insensitive file
     * system (Windows, macOS), and files whose path is another file's directory. REJECT fails on
     * the first; SANITIZE renames the later file with a numeric suffix. Paths marked
     * {@code ignored} (pad files, never written) are returned unchanged and not compared.
     */
    public List<List<String>> resolveCollisions(List<List<String>> paths, List<Boolean> ignored)
            throws InvalidTorrentException {
        Set<String> directories = new HashSet<>();
        for (int i = 0; i < paths.size(); i++) {
            if (!ignored.get(i)) {
                List<String> path = paths.get(i);
                for (int end = 1; end < path.size(); end++) {
                    directories.add(key(path.subList(0, end)));
                }
            }
        }
        Map<String, List<String>> files = new HashMap<>();
        List<List<String>> result = new ArrayList<>(paths.size());
        for (int i = 0; i < paths.size(); i++) {
            List<String> path = paths.get(i);
            if (!ignored.get(i)) {
                String key = key(path);
                if (files.containsKey(key) || directories.contains(key)) {
                    path = collision(path, files.get(key), files, directories);
                    key = key(path);
                }
                files.put(key, path);
            }
            result.add(path);
        }
        return result;
    }

    private List<String> collision(List<String> path, List<String> earlier, Map<String, List<String>> files,
            Set<String> directories) throws InvalidTorrentException {
        String shown = Quote.of(String.join("/", path));
        if (policy == PathPolicy.REJECT) {
            if (earlier != null) {
                throw new InvalidTorrentException("two files map to the same path: "
                        + Quote.of(String.join("/", earlier)) + " and " + shown);
            }
            throw new InvalidTorrentException("path " + shown + " is both a file and a directory");
        }
        List<String> renamed = new ArrayList<>(path);
        String last = path.get(path.size() - 1);
        for (int n = 2; ; n++) {
            renamed.set(renamed.size() - 1, PathValidator.withSuffix(last, "_" + n));
            String key = key(renamed);
            if (!files.containsKey(key) && !directories.contains(key)) {
                break;
            }
        }
        warnings.add("renamed " + shown + " to " + Quote.of(String.join("/", renamed))
                + " because another file has the same path");
        return List.copyOf(renamed);
    }

    /** What a case- and normalization-insensitive file system compares. */
    private static String key(List<String> path) {
        String joined = String.join("/", path);
        // ASCII is already normalized; skipping the normalizer spares loading its Unicode tables.
        String normalized = isAscii(joined) ? joined : Normalizer.normalize(joined, Normalizer.Form.NFC);
        return normalized.toLowerCase(Locale.ROOT);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String join(List<String> prefix, List<String> components) {
        if (prefix.isEmpty()) {
            return String.join("/", components);
        }
        return String.join("/", prefix) + "/" + String.join("/", components);
    }
}
