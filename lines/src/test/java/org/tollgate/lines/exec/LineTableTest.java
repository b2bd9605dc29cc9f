package org.tollgate.lines.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.time.ManualClock;

class LineTableTest {
    private static final Instant START = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    @DisplayName("vty lines follow aux 0, which follows the last tty line (IOS numbering)")
    void numbering() {
        assertEquals(2, LineTable.vtyBase(0));
        assertEquals(72, LineTable.vtyBase(70));
        LineTable t = new LineTable(new ManualClock(START));
        LineTable.Slot a = t.claimVty(2, 0, 4, "10.0.0.1").orElseThrow();
        LineTable.Slot b = t.claimVty(2, 0, 4, "10.0.0.2").orElseThrow();
        assertEquals("vty 0", a.name());
        assertEquals(3, b.number());
        assertEquals("vty 1", b.name());
        a.close();
        assertEquals("vty 0", t.claimVty(2, 0, 4, "10.0.0.3").orElseThrow().name());
        assertTrue(t.claimVty(2, 0, 0, "x").isEmpty());
    }

    @Test
    @DisplayName("exec-timeout: a line idle for its limit is disconnected once; input resets the idle time")
    void execTimeout() {
        ManualClock clock = new ManualClock(START);
        LineTable t = new LineTable(clock);
        AtomicInteger fired = new AtomicInteger();
        LineTable.Slot s = t.claimVty(2, 0, 4, "10.0.0.1").orElseThrow();
        s.idleTimeout(Duration.ofMinutes(10), fired::incrementAndGet);
        clock.advance(Duration.ofMinutes(9));
        assertEquals(0, t.expireIdle());
        s.touch();
        clock.advance(Duration.ofMinutes(9));
        assertEquals(0, t.expireIdle());
        assertEquals(Duration.ofMinutes(9), t.lines().getFirst().idle());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, t.expireIdle());
        assertEquals(0, t.expireIdle());
        assertEquals(1, fired.get());
    }

    @Test
    @DisplayName("exec-timeout 0 0 never disconnects")
    void noTimeout() {
        ManualClock clock = new ManualClock(START);
        LineTable t = new LineTable(clock);
        AtomicInteger fired = new AtomicInteger();
        t.claim(0, "con 0", "").orElseThrow().idleTimeout(Duration.ZERO, fired::incrementAndGet);
        clock.advance(Duration.ofDays(3));
        assertEquals(0, t.expireIdle());
        assertEquals(0, fired.get());
    }
}
