package org.tollgate.aaa.lockout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.time.ManualClock;

/** Beyond Cisco: lockout after N consecutive FAC failures from one caller. */
class FacLockoutTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    @DisplayName("the 5th consecutive failure (default) locks the caller for 15 minutes (default), counted")
    void defaultsLockAfterFive() {
        FacLockout lockout = new FacLockout(clock);
        for (int i = 0; i < 4; i++) {
            assertFalse(lockout.recordFailure("1001"));
        }
        assertEquals(Optional.empty(), lockout.refuse("1001"));
        assertTrue(lockout.recordFailure("1001"));
        assertEquals(1, lockout.lockouts());
        assertEquals(Optional.of(clock.instant().plus(Duration.ofMinutes(15))), lockout.refuse("1001"));
        assertEquals(1, lockout.refusals());
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertTrue(lockout.refuse("1001").isPresent());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), lockout.refuse("1001"), "the lock expires");
        assertEquals(0, lockout.failures("1001"), "and the count starts from zero");
    }

    @Test
    @DisplayName("a success resets the count; other callers are independent")
    void successResets() {
        FacLockout lockout = new FacLockout(clock, 3, Duration.ofMinutes(1));
        lockout.recordFailure("a");
        lockout.recordFailure("a");
        lockout.recordSuccess("a");
        assertFalse(lockout.recordFailure("a"));
        lockout.recordFailure("b");
        lockout.recordFailure("b");
        assertTrue(lockout.recordFailure("b"));
        assertEquals(Optional.empty(), lockout.refuse("a"));
    }

    @Test
    @DisplayName("threshold 0 disables the lockout")
    void disabled() {
        FacLockout lockout = FacLockout.disabled(clock);
        for (int i = 0; i < 100; i++) {
            assertFalse(lockout.recordFailure("x"));
        }
        assertEquals(Optional.empty(), lockout.refuse("x"));
    }
}
