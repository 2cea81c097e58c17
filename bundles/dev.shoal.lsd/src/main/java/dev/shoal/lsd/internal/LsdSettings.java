package dev.shoal.lsd.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The settings of local service discovery, as a value, so it can be built without OSGi.
 *
 * @param enabled    whether to announce and listen at all
 * @param ipv4       use 239.192.152.143
 * @param ipv6       use ff15::efc0:988f
 * @param interfaces interface names to use; empty: every interface that is up and multicast-capable
 * @param interval   how often each torrent is announced again (at least a minute)
 * @param groupPort  the groups' port: BEP 14's 6771, another only in tests
 */
record LsdSettings(boolean enabled, boolean ipv4, boolean ipv6, List<String> interfaces, Duration interval,
        int groupPort) {

    static final int BEP_14_PORT = 6771;

    LsdSettings {
        interfaces = List.copyOf(interfaces);
        if (interval.toNanos() < AnnounceSchedule.MIN_GAP_NANOS) {
            throw new IllegalArgumentException("the announce interval must be at least 60 s: " + interval);
        }
        if (groupPort < 1 || groupPort > 0xFFFF) {
            throw new IllegalArgumentException("groupPort must be 1..65535: " + groupPort);
        }
    }

    static LsdSettings from(LsdComponent.Config config) {
        List<String> names = config.interfaces() == null ? List.of()
                : Arrays.stream(config.interfaces()).map(String::strip).filter(name -> !name.isEmpty()).toList();
        return new LsdSettings(config.enabled(), config.ipv4(), config.ipv6(), names,
                Duration.ofSeconds(config.announceIntervalSeconds()), BEP_14_PORT);
    }
}
