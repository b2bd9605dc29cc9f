package org.tollgate.config.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DebugBusTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00.123Z"), ZoneOffset.UTC);

    @Test
    @DisplayName("a line reaches only sessions that enabled its category and have terminal monitor on, IOS-timestamped")
    void delivery() {
        DebugBus bus = new DebugBus(clock);
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        List<String> c = new ArrayList<>();
        DebugBus.Subscriber sa = bus.subscribe(a::add, true);
        DebugBus.Subscriber sb = bus.subscribe(b::add, false);
        bus.subscribe(c::add, true);
        sa.enable("voice lpcor");
        sb.enable("voice lpcor");
        assertTrue(bus.isEnabled("voice lpcor"));
        assertFalse(bus.isEnabled("modem"));
        bus.emit("voice lpcor", "policy LocalUser accepts AnalogPhone");
        bus.emit("modem", "RING");
        assertEquals(List.of("*Nov 21 10:00:00.123: policy LocalUser accepts AnalogPhone"), a);
        assertEquals(List.of(), b);
        assertEquals(List.of(), c);
        sb.monitor(true);
        bus.emit("voice lpcor", "x");
        assertEquals(1, b.size());
        sa.disableAll();
        sa.close();
        bus.emit("voice lpcor", "y");
        assertEquals(2, a.size());
        assertEquals(2, b.size());
    }
}
