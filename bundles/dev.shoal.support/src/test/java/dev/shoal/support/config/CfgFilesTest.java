package dev.shoal.support.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Vector;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.felix.fileinstall.shaded.util.properties.TypedProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;

class CfgFilesTest {

    @TempDir
    Path folder;

    @Test
    void fileInstallReadsBackEveryValueAsWritten() throws IOException {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("listenAddress", "127.0.0.1");
        properties.put("port", 6881);
        properties.put("limit", 5_000_000_000L);
        properties.put("seedRatio", 1.5);
        properties.put("never", Double.POSITIVE_INFINITY);
        properties.put("share", 0.25f);
        properties.put("startPaused", true);
        properties.put("empty", "");
        properties.put("folders", new String[] {"/a b", "/c,d"});
        properties.put("ids", new Vector<>(List.of(1, 2)));
        properties.put(CfgFormat.FILENAME, "file:/x/dev.shoal.peer.cfg");
        properties.put("service.pid", "dev.shoal.peer");

        String text = CfgFormat.write(properties);
        TypedProperties read = new TypedProperties();
        // FileInstall reads a .cfg as ISO-8859-1, the charset CfgFiles writes it in.
        read.load(new StringReader(new String(text.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1)));

        assertEquals("127.0.0.1", read.get("listenAddress"));
        assertEquals(6881, read.get("port"));
        assertEquals(5_000_000_000L, read.get("limit"));
        assertEquals(1.5, read.get("seedRatio"));
        assertEquals(Double.POSITIVE_INFINITY, read.get("never"));
        assertEquals(0.25f, read.get("share"));
        assertEquals(true, read.get("startPaused"));
        assertEquals("", read.get("empty"));
        assertArrayEquals(new String[] {"/a b", "/c,d"}, (Object[]) read.get("folders"));
        assertArrayEquals(new Integer[] {1, 2}, (Object[]) read.get("ids"), "a collection comes back as an array");
        assertNull(read.get(CfgFormat.FILENAME), "FileInstall's own property is not written");
        assertNull(read.get("service.pid"));
        assertTrue(text.startsWith("empty = \"\"\n"), "sorted by key: " + text);
    }

    @Test
    void strangeTextSurvivesFileInstallsReading() throws IOException {
        Hashtable<String, Object> properties = new Hashtable<>();
        String strange = "a \"quoted\" C:\\path\\, \\\\server, tab\there\nnew line, é, ✓, = : # ! \\";
        properties.put("text", strange);
        TypedProperties read = new TypedProperties();
        String text = CfgFormat.write(properties);
        assertEquals(text, new String(text.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1),
                "Latin-1 throughout");
        read.load(new StringReader(text));
        assertEquals(strange, read.get("text"));
    }

    @Test
    void aValueACfgCannotHoldIsRefusedNamingTheKey() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("odd", new Object());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> CfgFormat.write(properties));
        assertTrue(refused.getMessage().startsWith("odd: "), refused.getMessage());
    }

    @Test
    void updateReplacesTheCfgWholeKeepingItsPermissionsThenTheConfiguration() throws IOException {
        Path cfg = Files.writeString(folder.resolve("dev.shoal.peer.cfg"), "# mine\nport=6881\n");
        Files.setPosixFilePermissions(cfg, PosixFilePermissions.fromString("rw-r-----"));
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("port", 7000);
        properties.put(CfgFormat.FILENAME, cfg.toUri().toString());
        AtomicReference<Dictionary<String, ?>> updated = new AtomicReference<>();

        CfgFiles.update(configuration(updated), properties);

        assertEquals("port = I\"7000\"\n", Files.readString(cfg));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(cfg)));
        assertEquals(properties, updated.get());
        try (var left = Files.list(folder)) {
            assertEquals(List.of(cfg), left.toList(), "no temporary file left");
        }
    }

    @Test
    void aConfigurationWithoutAFileIsOnlyUpdated() throws IOException {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("port", 7000);
        AtomicReference<Dictionary<String, ?>> updated = new AtomicReference<>();
        CfgFiles.update(configuration(updated), properties);
        assertEquals(properties, updated.get());
    }

    @Test
    void whenTheFileCannotBeWrittenNothingChanges() throws IOException {
        Path gone = folder.resolve("gone").resolve("dev.shoal.peer.cfg");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("port", 7000);
        properties.put(CfgFormat.FILENAME, gone.toUri().toString());
        AtomicReference<Dictionary<String, ?>> updated = new AtomicReference<>();
        IOException failed = assertThrows(IOException.class, () -> CfgFiles.update(configuration(updated), properties));
        assertTrue(failed.getMessage().startsWith("cannot save " + gone), failed.getMessage());
        assertNull(updated.get(), "the configuration is not changed");
        assertFalse(Files.exists(gone));
    }

    /** A Configuration whose update records what it was given; nothing else of it is used. */
    private static Configuration configuration(AtomicReference<Dictionary<String, ?>> updated) {
        return (Configuration) Proxy.newProxyInstance(CfgFilesTest.class.getClassLoader(),
                new Class<?>[] {Configuration.class}, (proxy, method, args) -> {
                    if (method.getName().equals("update") && args != null && args.length == 1) {
                        updated.set((Dictionary<String, ?>) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
