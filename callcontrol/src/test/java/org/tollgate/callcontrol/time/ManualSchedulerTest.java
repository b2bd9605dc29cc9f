package org.tollgate.callcontrol.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {
    @Test
    @DisplayName("tasks run only when the clock is advanced past them, in due order, seeing their due time as now")
    void runsInDueOrder() {
        ManualScheduler s = new ManualScheduler(Instant.parse("2026-01-01T00:00:00Z"));
        List<String> ran = new ArrayList<>();
        s.schedule(Duration.ofSeconds(5), () -> ran.add("b@" + s.now().getEpochSecond() % 60));
        s.schedule(Duration.ofSeconds(2), () -> ran.add("a@" + s.now().getEpochSecond() % 60));
        CallScheduler.Cancellable c = s.schedule(Duration.ofSeconds(3), () -> ran.add("cancelled"));
        c.cancel();
        s.advance(Duration.ofSeconds(1));
        assertEquals(List.of(), ran);
        assertEquals(2, s.pending());
        s.advance(Duration.ofSeconds(10));
        assertEquals(List.of("a@2", "b@5"), ran);
        assertEquals(Instant.parse("2026-01-01T00:00:11Z"), s.now());
    }

    @Test
    @DisplayName("a task scheduled by a running task is run in the same advance when it falls due")
    void chainedTasks() {
        ManualScheduler s = new ManualScheduler();
        List<Integer> ran = new ArrayList<>();
        s.schedule(Duration.ofSeconds(1), () -> {
            ran.add(1);
            s.schedule(Duration.ofSeconds(1), () -> ran.add(2));
        });
        s.advance(Duration.ofSeconds(3));
        assertEquals(List.of(1, 2), ran);
    }

    @Test
    @DisplayName("awaitScheduled counts every timer armed since creation, also those already run or cancelled; false when too few")
    void awaitScheduledCountsArmedTimers() throws InterruptedException {
        ManualScheduler s = new ManualScheduler();
        s.schedule(Duration.ofSeconds(1), () -> { });
        s.schedule(Duration.ofSeconds(1), () -> { }).cancel();
        s.advance(Duration.ofSeconds(2));
        assertEquals(0, s.pending());
        assertEquals(2, s.scheduledCount());
        assertTrue(s.awaitScheduled(2, Duration.ZERO));
        assertFalse(s.awaitScheduled(3, Duration.ofMillis(1)), "a third timer was never armed");
    }
}
