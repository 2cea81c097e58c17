package dev.shoal.lsd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.InfoHash;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnnounceScheduleTest {

    private static final long SECOND = 1_000_000_000L;
    private static final InfoHash A = InfoHash.v1(new byte[20]);
    private static final InfoHash B = InfoHash.fromHex("0123456789abcdef0123456789abcdef01234567");

    @Test
    void torrentsStartingTogetherShareARoundThenComeBackEachInterval() {
        AnnounceSchedule schedule = new AnnounceSchedule(SECOND, 300 * SECOND);
        schedule.add(A, 6881, 0);
        schedule.add(B, 6881, SECOND / 2);
        assertEquals(SECOND, schedule.nextDue());
        assertEquals(Map.of(6881, List.of(A)), schedule.takeDue(SECOND));
        assertEquals(Map.of(6881, List.of(B)), schedule.takeDue(2 * SECOND));
        for (long repeat : new long[] {3, 4, 7, 8}) { // the repeats, which the next test follows
            assertEquals(1, schedule.takeDue(repeat * SECOND).get(6881).size());
        }
        assertTrue(schedule.takeDue(200 * SECOND).isEmpty());
        assertEquals(301 * SECOND, schedule.nextDue());
        assertEquals(Map.of(6881, List.of(A, B)), schedule.takeDue(302 * SECOND));
    }

    @Test
    void eachAnnounceIsRepeatedTwiceThenWaitsItsIntervalAndRepeatsTogetherShareAMessage() {
        AnnounceSchedule schedule = new AnnounceSchedule(SECOND, 300 * SECOND);
        schedule.add(A, 6881, 0);
        schedule.add(B, 6881, 0);
        assertEquals(Map.of(6881, List.of(A, B)), schedule.takeDue(SECOND));
        assertEquals(3 * SECOND, schedule.nextDue(), "the first repeat, 2 s after the announce");
        assertTrue(schedule.takeDue(3 * SECOND - 1).isEmpty());
        assertEquals(Map.of(6881, List.of(A, B)), schedule.takeDue(3 * SECOND));
        assertEquals(7 * SECOND, schedule.nextDue(), "the second repeat, 4 s after the first");
        assertEquals(Map.of(6881, List.of(A, B)), schedule.takeDue(7 * SECOND));
        assertEquals(301 * SECOND, schedule.nextDue(), "three sends, then the interval from the announce");
        assertTrue(schedule.takeDue(300 * SECOND).isEmpty());
        assertEquals(Map.of(6881, List.of(A, B)), schedule.takeDue(301 * SECOND));
        assertEquals(303 * SECOND, schedule.nextDue(), "the next announce is repeated too");
    }

    @Test
    void aLateRoundStillRepeatsFromWhenItWasSentAndAGoneTorrentIsNotRepeated() {
        AnnounceSchedule schedule = new AnnounceSchedule(0, 300 * SECOND);
        schedule.add(A, 6881, 0);
        schedule.add(B, 7000, 0);
        assertEquals(Map.of(6881, List.of(A), 7000, List.of(B)), schedule.takeDue(10 * SECOND));
        assertEquals(12 * SECOND, schedule.nextDue());
        schedule.remove(B, 7000);
        assertEquals(Map.of(6881, List.of(A)), schedule.takeDue(20 * SECOND), "B went: its repeats went with it");
        assertEquals(24 * SECOND, schedule.nextDue(), "a late repeat: the next counts from it");
    }

    @Test
    void aTorrentIsNeverAnnouncedTwiceInAMinuteEvenWhenItComesBack() {
        AnnounceSchedule schedule = new AnnounceSchedule(SECOND, 10 * SECOND);
        schedule.add(A, 6881, 0);
        assertEquals(Map.of(6881, List.of(A)), schedule.takeDue(SECOND));
        assertEquals(Map.of(6881, List.of(A)), schedule.takeDue(3 * SECOND));
        assertEquals(Map.of(6881, List.of(A)), schedule.takeDue(7 * SECOND));
        assertEquals(61 * SECOND, schedule.nextDue(), "an interval under a minute is a minute");
        schedule.remove(A, 6881);
        schedule.add(A, 6881, 8 * SECOND);
        assertEquals(61 * SECOND, schedule.nextDue(), "paused and resumed: still a minute after the last");
        assertTrue(schedule.takeDue(60 * SECOND).isEmpty());
    }

    @Test
    void aNetworkComingUpHurriesEveryTorrentAsFarAsTheMinuteAllows() {
        AnnounceSchedule schedule = new AnnounceSchedule(SECOND, 300 * SECOND);
        schedule.add(A, 6881, 0);
        assertEquals(Map.of(6881, List.of(A)), schedule.takeDue(SECOND));
        schedule.takeDue(3 * SECOND);
        schedule.takeDue(7 * SECOND);
        schedule.hurry(100 * SECOND);
        assertEquals(101 * SECOND, schedule.nextDue(), "brought forward from 301 s to just after the hurry");
        schedule.add(B, 6881, 100 * SECOND);
        assertEquals(Map.of(6881, List.of(A, B)), schedule.takeDue(101 * SECOND), "with a newcomer in one message");
        schedule.takeDue(103 * SECOND);
        schedule.takeDue(107 * SECOND);
        schedule.hurry(130 * SECOND);
        assertEquals(161 * SECOND, schedule.nextDue(), "a minute after the last announce, not at once");
    }

    @Test
    void twoLookupsOfOneTorrentAnnounceItOnceUntilBothClose() {
        AnnounceSchedule schedule = new AnnounceSchedule(0, 300 * SECOND);
        schedule.add(A, 6881, 0);
        schedule.add(A, 6881, 0);
        schedule.add(A, 7000, 0);
        assertEquals(Map.of(6881, List.of(A), 7000, List.of(A)), schedule.takeDue(0));
        schedule.remove(A, 6881);
        assertEquals(2, schedule.size());
        schedule.remove(A, 6881);
        schedule.remove(A, 7000);
        assertEquals(0, schedule.size());
        assertEquals(Long.MAX_VALUE, schedule.nextDue());
    }
}
