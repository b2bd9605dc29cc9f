package org.tollgate.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.cdr.record.CallLegRecord;
import org.tollgate.cdr.store.CdrStore;
import org.tollgate.cdr.store.QueuedRecord;

/** The JDBC store: records and per-sink queues in one transaction, history limits, reopening. */
class CdrStoreTest {
    @TempDir
    Path dir;
    final Instant t0 = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    @DisplayName("A record is queued for every sink in the same transaction; each queue drains in order independently")
    void queuesPerSink() throws Exception {
        CdrStore store = CdrStore.open(CdrStore.h2Url(dir), "gw1", List.of("radius", "syslog"));
        try (Connection c = store.connect()) {
            List<CallLegRecord> rs = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                rs.add(Records.stop(i, t0.plusSeconds(i)));
            }
            store.append(c, rs);
            List<QueuedRecord> radius = store.pending(c, "radius", 10);
            assertEquals(rs, radius.stream().map(QueuedRecord::record).toList());
            store.acknowledge(c, "radius", List.of(radius.get(0).seq(), radius.get(1).seq()));
            assertEquals(3, store.depth(c, "radius"));
            assertEquals(5, store.depth(c, "syslog"));
            store.attempted(c, "radius", radius.get(2).seq());
            assertEquals(1, store.pending(c, "radius", 1).getFirst().attempts());
            assertEquals(rs.get(2), store.pending(c, "radius", 1).getFirst().record());
        }
    }

    @Test
    @DisplayName("Records and queues survive closing and reopening the H2 file database (WRITE_DELAY=0)")
    void survivesReopen() throws Exception {
        CdrStore store = CdrStore.open(CdrStore.h2Url(dir), "gw1", List.of("radius"));
        try (Connection c = store.connect()) {
            store.append(c, List.of(Records.stop(1, t0)));
        }
        CdrStore again = CdrStore.open(CdrStore.h2Url(dir), "gw1", List.of("radius"));
        try (Connection c = again.connect()) {
            assertEquals(Records.stop(1, t0), again.find(c, Records.stop(1, t0).recordId()).orElseThrow());
            assertEquals(1, again.depth(c, "radius"));
        }
    }

    @Test
    @DisplayName("History: retain-timer and max-size limit what is shown; pruning never deletes a record a sink still holds")
    void retention() throws Exception {
        CdrStore store = CdrStore.open(CdrStore.h2Url(dir), "gw1", List.of("radius"));
        try (Connection c = store.connect()) {
            List<CallLegRecord> rs = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                rs.add(Records.stop(i, t0.plusSeconds(60L * i)));
            }
            store.append(c, rs);
            assertEquals(rs.subList(7, 10), store.history(c, t0, 3));
            assertEquals(rs.subList(5, 10), store.history(c, t0.plusSeconds(300), 50));
            assertEquals(0, store.prune(c, t0.plusSeconds(10_000), 0), "all still queued for RADIUS");
            List<QueuedRecord> q = store.pending(c, "radius", 100);
            store.acknowledge(c, "radius", q.subList(0, 8).stream().map(QueuedRecord::seq).toList());
            assertEquals(8, store.prune(c, t0.plusSeconds(330), 2), "beyond the 2 newest (or older than 5.5 min) and delivered");
            assertEquals(2, store.count(c));
            assertTrue(store.find(c, rs.get(8).recordId()).isPresent(), "undelivered stays");
        }
    }

    @Test
    @DisplayName("Several gateways share one database: each sees and drains only its own rows")
    void owners() throws Exception {
        CdrStore a = CdrStore.open(CdrStore.h2Url(dir), "gw-a", List.of("radius"));
        CdrStore b = CdrStore.open(CdrStore.h2Url(dir), "gw-b", List.of("radius"));
        try (Connection ca = a.connect(); Connection cb = b.connect()) {
            a.append(ca, List.of(Records.stop(1, t0)));
            b.append(cb, List.of(Records.stop(2, t0)));
            assertEquals(List.of(Records.stop(1, t0)), a.pending(ca, "radius", 10).stream().map(QueuedRecord::record).toList());
            assertEquals(1, b.count(cb));
        }
    }
}
