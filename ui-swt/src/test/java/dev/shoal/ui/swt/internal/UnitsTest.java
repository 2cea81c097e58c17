package dev.shoal.ui.swt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void bytesInBinaryUnits() {
        assertEquals("0 B", Units.bytes(0));
        assertEquals("1023 B", Units.bytes(1023));
        assertEquals("1.0 KiB", Units.bytes(1024));
        assertEquals("1.5 MiB", Units.bytes(3 * 512 * 1024));
        assertEquals("512 KiB", Units.bytes(512 * 1024));
        assertEquals("99.9 KiB", Units.bytes(102_399));
        assertEquals("100 KiB", Units.bytes(102_400));
        assertEquals("2.0 GiB", Units.bytes(2L << 30));
        assertEquals("8.0 EiB", Units.bytes(Long.MAX_VALUE));
        assertEquals("?", Units.bytes(-1));
    }

    @Test
    void neverRoundsUpToTheNextUnitsNumber() {
        // 1023.96 KiB must not read "1024 KiB" (nor 9.99 "10.0").
        assertEquals("1023 KiB", Units.bytes(1024L * 1024 - 40));
        assertEquals("9.9 KiB", Units.bytes(10 * 1024 - 1));
    }

    @Test
    void rates() {
        assertEquals("512 KiB/s", Units.rate(512 * 1024));
        assertEquals("0 B/s", Units.rate(0));
    }

    @Test
    void durationsShowTheTwoLargestParts() {
        assertEquals("0s", Units.duration(Duration.ZERO));
        assertEquals("45s", Units.duration(Duration.ofSeconds(45)));
        assertEquals("3m 20s", Units.duration(Duration.ofSeconds(200)));
        assertEquals("3m", Units.duration(Duration.ofMinutes(3)));
        assertEquals("2h 5m", Units.duration(Duration.ofMinutes(125).plusSeconds(59)));
        assertEquals("1h", Units.duration(Duration.ofHours(1)));
        assertEquals("4d 3h", Units.duration(Duration.ofHours(99)));
        assertEquals("2d", Units.duration(Duration.ofDays(2)));
        assertEquals("0s", Units.duration(Duration.ofSeconds(-5)));
    }

    @Test
    void percentIsFlooredSoOnlyDoneShowsAHundred() {
        assertEquals("0.0%", Units.percent(0));
        assertEquals("42.3%", Units.percent(0.4239));
        assertEquals("99.9%", Units.percent(0.99999));
        assertEquals("100%", Units.percent(1));
        assertEquals("100%", Units.percent(1.5));
        assertEquals("0.0%", Units.percent(-0.5));
    }

    @Test
    void ratioHasTwoDecimals() {
        assertEquals("0.52", Units.ratio(0.5249));
        assertEquals("12.00", Units.ratio(12));
    }
}
