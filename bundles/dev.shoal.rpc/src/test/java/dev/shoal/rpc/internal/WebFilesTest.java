package dev.shoal.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a request path comes to under webRoot: files inside, folders as their index, nothing outside. */
class WebFilesTest {

    @TempDir
    Path dir;

    private Path root;
    private WebFiles files;

    @BeforeEach
    void folder() throws IOException {
        root = Files.createDirectories(dir.resolve("web"));
        Files.writeString(root.resolve("index.html"), "<html>");
        Files.createDirectories(root.resolve("javascript"));
        Files.writeString(root.resolve("javascript/main.js"), "1;");
        Files.createDirectories(root.resolve("empty"));
        Files.writeString(root.resolve(".hidden"), "x");
        Files.writeString(dir.resolve("secret.txt"), "outside");
        Files.createSymbolicLink(root.resolve("escape.txt"), dir.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("up"), dir);
        Files.createSymbolicLink(root.resolve("inside.js"), root.resolve("javascript/main.js"));
        files = WebFiles.of(root.toString());
    }

    private Path found(String path) {
        WebFiles.Lookup lookup = files.find(path);
        return assertInstanceOf(WebFiles.Found.class, lookup, path + " → " + lookup).file();
    }

    private void missing(String path) {
        WebFiles.Lookup lookup = files.find(path);
        assertInstanceOf(WebFiles.Missing.class, lookup, path + " → " + lookup);
    }

    @Test
    void filesAndFolderIndexes() throws IOException {
        assertEquals(root.resolve("index.html").toRealPath(), found("/"));
        assertEquals(root.resolve("index.html").toRealPath(), found("/index.html"));
        assertEquals(root.resolve("javascript/main.js").toRealPath(), found("/javascript/main.js"));
        assertEquals(root.resolve("javascript/main.js").toRealPath(), found("/inside.js"), "a link inside is followed");
        assertEquals(root.resolve("index.html").toRealPath(), found("/up/web/index.html"), "what a link reaches inside");
        assertInstanceOf(WebFiles.AddSlash.class, files.find(null));
        assertInstanceOf(WebFiles.AddSlash.class, files.find(""));
        assertInstanceOf(WebFiles.AddSlash.class, files.find("/javascript"));
        missing("/javascript/");
        missing("/empty/");
        missing("/nothing.css");
    }

    @Test
    void nothingOutsideTheFolder() {
        missing("/../secret.txt");
        missing("/javascript/../../secret.txt");
        missing("/..");
        missing("/./index.html");
        missing("/.hidden");
        missing("/escape.txt");
        missing("/up/secret.txt");
        missing("/" + dir.resolve("secret.txt"));
        missing("/..\\secret.txt");
        missing("/index.html\0.png");
    }

    @Test
    void contentTypes() {
        assertEquals("text/html; charset=UTF-8", WebFiles.contentType("index.html"));
        assertEquals("text/javascript; charset=UTF-8", WebFiles.contentType("a.min.JS"));
        assertEquals("text/css; charset=UTF-8", WebFiles.contentType("common.css"));
        assertEquals("image/png", WebFiles.contentType("logo.png"));
        assertEquals("image/x-icon", WebFiles.contentType("favicon.ico"));
        assertEquals("image/svg+xml", WebFiles.contentType("x.svg"));
        assertEquals("application/octet-stream", WebFiles.contentType("README"));
        assertEquals("application/octet-stream", WebFiles.contentType("x.exe"));
    }

    @Test
    void offWhenEmptyOrNotAFolder() throws IOException {
        WebFiles off = WebFiles.of(" ");
        assertFalse(off.on());
        assertTrue(off.problem().contains("webRoot"), off.problem());
        assertInstanceOf(WebFiles.Missing.class, off.find("/index.html"));
        assertFalse(WebFiles.of(dir.resolve("none").toString()).on());
        assertFalse(WebFiles.of(root.resolve("index.html").toString()).on());
    }
}
