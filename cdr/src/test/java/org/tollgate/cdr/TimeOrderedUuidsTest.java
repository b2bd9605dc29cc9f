package org.tollgate.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.cdr.record.ConnectionId;
import org.tollgate.cdr.record.TimeOrderedUuids;

/** RFC 9562 version 7 ids for connection ids: layout, order by time, uniqueness. */
class TimeOrderedUuidsTest {

    private static UUID at(long millis) {
        return new TimeOrderedUuids(Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC)).get();
    }

    @Test
    @DisplayName("RFC 9562 5.7: version 7, variant 10, the 48-bit Unix millisecond time in the first bits")
    void layout() {
        qt().forAll(longs().between(0, (1L << 48) - 1)).checkAssert(ms -> {
            UUID u = at(ms);
            assertEquals(7, u.version());
            assertEquals(2, u.variant());
            assertEquals(ms, u.getMostSignificantBits() >>> 16);
        });
    }

    @Test
    @DisplayName("A later millisecond gives a larger connection id (the store's key grows with time)")
    void orderedByTime() {
        qt().forAll(longs().between(0, (1L << 48) - 2), longs().between(1, 1L << 20)).checkAssert((ms, later) -> {
            long t2 = Math.min((1L << 48) - 1, ms + later);
            String a = ConnectionId.of(at(ms)).compact();
            String b = ConnectionId.of(at(t2)).compact();
            assertTrue(a.compareTo(b) < 0, a + " should sort before " + b);
        });
    }

    @Test
    @DisplayName("Ids made within the same millisecond are still unique (74 random bits)")
    void uniqueWithinOneMillisecond() {
        TimeOrderedUuids ids = new TimeOrderedUuids(Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(seen.add(ids.get()));
        }
    }
}
