package dev.shoal.storage.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void options_refuse_bounds_that_cannot_work() {
        StorageOptions options = StorageOptions.DEFAULT;
        assertThrows(IllegalArgumentException.class, () -> options.withQueueBytes(100));
        assertThrows(IllegalArgumentException.class, () -> options.withOpenFileLimit(0));
        assertThrows(IllegalArgumentException.class, () -> options.withResumeInterval(Duration.ZERO));
        assertEquals(StorageOptions.Allocation.PREALLOCATE,
                options.withAllocation(StorageOptions.Allocation.PREALLOCATE).allocation());
    }

    @Test
    void exceptions_carry_their_kind_and_file() {
        StorageException e = new StorageException(StorageException.Kind.DISK_FULL, Path.of("a/b"),
                "no space left writing a/b", null);
        assertEquals(StorageException.Kind.DISK_FULL, e.kind());
        assertEquals(Path.of("a/b"), e.file().orElseThrow());
        assertTrue(new StorageException(StorageException.Kind.CLOSED, "closed").file().isEmpty());
    }

    @Test
    void results_say_whether_anything_was_hashed() {
        CheckResult resumed = new CheckResult(CheckResult.Reason.RESUMED, PieceSet.empty(3), 0, Duration.ZERO);
        assertFalse(resumed.rechecked());
        assertTrue(new PieceResult(1, PieceResult.Outcome.VERIFIED).verified());
        assertThrows(IllegalArgumentException.class, () -> new PieceResult(-1, PieceResult.Outcome.VERIFIED));
    }
}
