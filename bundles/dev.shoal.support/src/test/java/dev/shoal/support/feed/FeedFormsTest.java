package dev.shoal.support.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Dates and numbers as feeds write them. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FeedFormsTest {

    @Test
    void rssAndAtomDates() {
        assertEquals(Instant.parse("2015-03-14T21:10:42Z"), Dates.parse("Sat, 14 Mar 2015 17:10:42 -0400"));
        assertEquals(Instant.parse("2024-02-01T08:05:00Z"), Dates.parse("Thu, 1 Feb 2024 08:05:00 GMT"));
        assertEquals(Instant.parse("2024-02-01T13:05:00Z"), Dates.parse("1 Feb 2024 08:05 EST"));
        assertEquals(Instant.parse("2024-02-01T08:05:00Z"), Dates.parse("Fri, 01 Feb 24 08:05:00 UT"), "wrong weekday ignored");
        assertEquals(Instant.parse("2024-04-25T14:00:00Z"), Dates.parse("2024-04-25T16:00:00+02:00"));
        assertEquals(Instant.parse("2024-04-25T16:00:00Z"), Dates.parse("2024-04-25T16:00:00"));
        assertEquals(Instant.parse("2024-04-25T00:00:00Z"), Dates.parse("2024-04-25"));
        assertNull(Dates.parse("yesterday"));
        assertNull(Dates.parse("Sat, 31 Feb 2015 17:10:42 +0000"));
        assertNull(Dates.parse(null));
    }

    @Test
    void sizesAreReadAsShoalReadsThemWithADecimalCommaTooAndUnknownIsMinusOne() {
        // 1.2 GiB is 1288490188.8 bytes: rounded half up, as every size Shoal reads.
        assertEquals(1288490189L, FeedNumbers.size("1.2 GiB"));
        assertEquals(734003200L, FeedNumbers.size("700 MB"));
        assertEquals(3758096384L, FeedNumbers.size("3,5 GB"));
        assertEquals(512, FeedNumbers.size("512"));
        assertEquals(512, FeedNumbers.size("512 B"));
        assertEquals(512, FeedNumbers.size("512 bytes"));
        assertEquals(-1, FeedNumbers.size("big"));
        assertEquals(-1, FeedNumbers.size("12 XB"));
        assertEquals(-1, FeedNumbers.size("99999999999999999 TiB"));
        assertEquals(-1, FeedNumbers.size(null));
    }

    @Test
    void countsAreWholeNumbers() {
        assertEquals(42, FeedNumbers.count(" 42 "));
        assertEquals(-1, FeedNumbers.count("-3"));
        assertEquals(Integer.MAX_VALUE, FeedNumbers.intCount("99999999999"));
    }
}
