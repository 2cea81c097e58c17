package dev.shoal.test.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.felix.framework.FrameworkFactory;
import org.apache.felix.metatype.DefaultMetaTypeProvider;
import org.apache.felix.metatype.MetaData;
import org.apache.felix.metatype.MetaDataReader;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * Real ObjectClassDefinitions for tests of code that reads them: Felix Metatype's reader over a
 * description as bnd writes them, localized (not at all) by a running framework's system bundle,
 * started once for a test class. Register it in a static field with {@code @RegisterExtension}.
 */
public final class MetatypeDescriptions implements BeforeAllCallback, AfterAllCallback {

    private Path storage;
    private Framework framework;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        storage = Files.createTempDirectory("shoal-metatype");
        framework = new FrameworkFactory().newFramework(Map.of(Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
        try (Stream<Path> files = Files.walk(storage)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The class {@code pid} names in this metatype XML ({@code <metatype:MetaData>...}). */
    public ObjectClassDefinition ocd(String xml, String pid) throws IOException {
        MetaData metadata = new MetaDataReader().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return new DefaultMetaTypeProvider(framework, metadata).getObjectClassDefinition(pid, null);
    }
}
