package dev.shoal.rpc.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The folder of setting {@code webRoot} as a web client's files: a request path maps to a regular
 * file inside it or to nothing. Nothing outside the folder is ever reached: no {@code ..} or
 * {@code .} segment, no hidden name, and the file's real path (symbolic links followed) must lie
 * inside the folder's real path. A folder is served as its {@code index.html}, never listed.
 */
final class WebFiles {

    /** What a request path comes to. */
    sealed interface Lookup {
    }

    /** A file to send, with its Content-Type. */
    record Found(Path file, String contentType) implements Lookup {
    }

    /** A folder asked for without its trailing slash: relative links in its index need the slash. */
    record AddSlash() implements Lookup {
    }

    /** Nothing to serve; {@code why} is one line for the 404. */
    record Missing(String why) implements Lookup {
    }

    private static final String INDEX = "index.html";
    private static final String BINARY = "application/octet-stream";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=UTF-8"), Map.entry("htm", "text/html; charset=UTF-8"),
            Map.entry("css", "text/css; charset=UTF-8"), Map.entry("js", "text/javascript; charset=UTF-8"),
            Map.entry("mjs", "text/javascript; charset=UTF-8"), Map.entry("json", "application/json"),
            Map.entry("map", "application/json"), Map.entry("txt", "text/plain; charset=UTF-8"),
            Map.entry("xml", "application/xml"), Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("png", "image/png"), Map.entry("gif", "image/gif"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("svg", "image/svg+xml"), Map.entry("ico", "image/x-icon"),
            Map.entry("webp", "image/webp"), Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"), Map.entry("otf", "font/otf"), Map.entry("wasm", "application/wasm"));

    private final Path root;
    private final String problem;

    private WebFiles(Path root, String problem) {
        this.root = root;
        this.problem = problem;
    }

    /** The files under {@code webRoot}; off when it is blank, with the reason when it is not a readable folder. */
    static WebFiles of(String webRoot) {
        if (webRoot == null || webRoot.isBlank()) {
            return new WebFiles(null, "no web client: setting webRoot of " + RpcServlet.PID + " is empty");
        }
        try {
            Path real = Path.of(webRoot.strip()).toRealPath();
            if (!Files.isDirectory(real)) {
                return new WebFiles(null, "webRoot " + webRoot.strip() + " is not a folder");
            }
            return new WebFiles(real, "");
        } catch (IOException | RuntimeException e) {
            return new WebFiles(null, "webRoot " + webRoot.strip() + " cannot be read: " + e);
        }
    }

    /** Whether a folder is being served. */
    boolean on() {
        return root != null;
    }

    /** Why nothing is served, or empty. */
    String problem() {
        return problem;
    }

    /**
     * The file for {@code path}, the servlet's path info (decoded, starting with '/'); null or
     * empty is the folder itself.
     */
    Lookup find(String path) {
        if (root == null) {
            return new Missing(problem);
        }
        if (path == null || path.isEmpty()) {
            return new AddSlash();
        }
        Path candidate = root;
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.startsWith(".") || segment.indexOf('\\') >= 0 || segment.indexOf('\0') >= 0) {
                return new Missing("not served: " + path);
            }
            candidate = candidate.resolve(segment);
        }
        if (Files.isDirectory(candidate, LinkOption.NOFOLLOW_LINKS) || candidate.equals(root)) {
            if (!path.endsWith("/")) {
                return new AddSlash();
            }
            candidate = candidate.resolve(INDEX);
        }
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (IOException | RuntimeException e) {
            return new Missing("no such file: " + path);
        }
        if (!real.startsWith(root) || !Files.isRegularFile(real) || !Files.isReadable(real)) {
            return new Missing("no such file: " + path);
        }
        return new Found(real, contentType(real.getFileName().toString()));
    }

    static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? BINARY : TYPES.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), BINARY);
    }
}
