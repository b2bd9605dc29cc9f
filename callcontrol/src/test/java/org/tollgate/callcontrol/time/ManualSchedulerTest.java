package org.tollgate.callcontrol.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
