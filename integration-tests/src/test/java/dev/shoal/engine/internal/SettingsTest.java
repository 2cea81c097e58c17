package dev.shoal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.engine.api.RateLimits;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration as the engine reads it: limits in KiB/s, where resume data goes. */
class SettingsTest {

    static EngineComponent.Config config(long downKiB, long upKiB, String resume) {
        return new EngineComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return EngineComponent.Config.class;
            }

            @Override
            public long downloadLimitKiB() {
                return downKiB;
            }

            @Override
            public long uploadLimitKiB() {
                return upKiB;
            }

            @Override
            public boolean altLimitsEnabled() {
                return false;
            }

            @Override
            public long altDownloadLimitKiB() {
                return 49;
            }

            @Override
            public long altUploadLimitKiB() {
                return 49;
            }

            @Override
            public String resumeDirectory() {
                return resume;
            }

            @Override
            public String torrentsDirectory() {
                return "";
            }

            @Override
            public String downloadDirectory() {
                return "";
            }

            @Override
            public String seedRatio() {
                return "1.0";
            }

            @Override
            public long seedTimeMinutes() {
                return 0;
            }

            @Override
            public int maxActiveDownloads() {
                return 5;
            }

            @Override
            public int maxActiveSeeds() {
                return 10;
            }

            @Override
            public long metadataTimeoutSeconds() {
                return 0;
            }

            @Override
            public long seedIdleMinutes() {
                return 0;
            }
        };
    }

    @Test
    void limits_are_configured_in_kib_per_second_and_zero_is_none() {
        EngineSettings settings = EngineComponent.settingsOf(config(100, 0, ""), "/data");
        assertEquals(new RateLimits(102_400, 0), settings.globalLimits());
        assertEquals(RateLimits.UNLIMITED, Limits.ofKiB(-5, 0));
        assertEquals(new RateLimits(Long.MAX_VALUE, 1024), Limits.ofKiB(Long.MAX_VALUE / 2, 1));
        RateLimits limits = new RateLimits(7, 9);
        assertEquals(limits, Limits.fromSwarm(Limits.toSwarm(limits)));
    }

    @Test
    void resume_data_goes_under_the_data_directory_unless_configured() {
        assertEquals(Path.of("/data/resume"), EngineComponent.settingsOf(config(0, 0, ""), "/data").resumeDirectory());
        assertEquals(Path.of("/elsewhere"), EngineSettings.resumeDirectory(" /elsewhere ", "/data"));
        assertEquals(Path.of(System.getProperty("java.io.tmpdir"), "shoal", "resume"),
                EngineSettings.resumeDirectory("", null), "without the framework property");
        assertEquals(Path.of(System.getProperty("java.io.tmpdir"), "shoal", "resume"),
                EngineSettings.resumeDirectory(null, " "));
    }

    @Test
    void a_modified_configuration_changes_the_global_limits_live(@TempDir Path temp) throws Exception {
        try (Rig rig = new Rig(temp, Rig.storage())) {
            assertEquals(dev.shoal.peer.api.RateLimits.UNLIMITED, rig.service.globalRateLimits());
            rig.engine.modified(config(1, 2, ""));
            assertEquals(new dev.shoal.peer.api.RateLimits(1024, 2048), rig.service.globalRateLimits());
            assertEquals(new RateLimits(1024, 2048), rig.engine.globalRateLimits());
        }
    }
}
