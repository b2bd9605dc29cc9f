package org.tollgate.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.callcontrol.auth.AuthorizationResult;
import org.tollgate.cdr.record.CallLegRecord;
import org.tollgate.cdr.record.MediaStats;
import org.tollgate.cdr.service.CdrService;
import org.tollgate.cdr.service.CdrSettings;
import org.tollgate.cdr.sink.CdrSink;
import org.tollgate.cdr.sink.Delivery;
import org.tollgate.cdr.store.QueuedRecord;
import org.tollgate.config.system.DialControlMib;

/** The whole pipeline: folder -> durable writer -> per-sink queues -> sinks with retries. */
class CdrServiceTest {
    @TempDir
    Path dir;
    final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:10:00Z"), ZoneId.of("UTC"));

    CdrSettings settings() {
        return CdrSettings.defaults(dir, "cme-fac").withRetry(Duration.ofMillis(20), Duration.ofMillis(200))
                .withHistory(new DialControlMib(60 * 24 * 365 * 10, 1200));
    }

    /** A sink that fails {@code failures} times, then acknowledges; records what it delivered. */
    static class FlakySink implements CdrSink {
        final AtomicInteger failures;
        final LinkedBlockingQueue<QueuedRecord> delivered = new LinkedBlockingQueue<>();
        final List<Integer> attemptsSeen = new CopyOnWriteArrayList<>();

        FlakySink(int failures) {
            this.failures = new AtomicInteger(failures);
        }

        @Override
        public String name() {
            return "radius";
        }

        @Override
        public Delivery deliver(List<QueuedRecord> batch) {
            attemptsSeen.add(batch.getFirst().attempts());
            if (failures.getAndDecrement() > 0) {
                return new Delivery.Partial(0, "server down");
            }
            delivered.addAll(batch);
            return new Delivery.All(batch.size());
        }
    }

    @Test
    @DisplayName("start-stop: a START per leg when the call connects goes to the RADIUS-like sink before the STOPs; other sinks and history get STOPs only")
    void startRecords() throws Exception {
        FlakySink radius = new FlakySink(0) {
            @Override
            public boolean wantsStarts() {
                return true;
            }
        };
        CdrSink file = new CdrSink() {
            final List<org.tollgate.cdr.record.RecordKind> kinds = new CopyOnWriteArrayList<>();

            @Override
            public String name() {
                return "file";
            }

            @Override
            public Delivery deliver(List<QueuedRecord> batch) {
                batch.forEach(q -> {
                    if (q.kind() != org.tollgate.cdr.record.RecordKind.STOP) {
                        throw new AssertionError("file sink got " + q.kind());
                    }
                });
                return new Delivery.All(batch.size());
            }
        };
        try (CdrService cdr = CdrService.start(settings(), List.of(radius, file), clock, MediaStats.NONE,
                Scenarios.fixedIds())) {
            new Scenarios().connectedCall(cdr.recordSink());
            List<QueuedRecord> got = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                got.add(radius.delivered.poll(30, TimeUnit.SECONDS));
            }
            assertEquals(List.of("START 1", "START 2", "STOP 1", "STOP 2"),
                    got.stream().map(q -> q.kind() + " " + q.record().legIndex()).toList());
            assertTrue(got.get(0).record().connectTime().isPresent() && !got.get(0).record().ended());
            assertEquals(2, cdr.history().size(), "history holds STOP records only");
        }
    }

    @Test
    @DisplayName("Idempotent ids: a record handed over twice is stored and queued once; the rest of its batch is kept")
    void duplicateRecordStoredOnce() throws Exception {
        FlakySink sink = new FlakySink(Integer.MAX_VALUE);
        try (CdrService cdr = CdrService.start(settings(), List.of(sink), clock, MediaStats.NONE)) {
            Instant end = Instant.parse("2026-01-01T00:05:00Z");
            cdr.persist(List.of(Records.stop(1, end))).get(30, TimeUnit.SECONDS);
            cdr.persist(List.of(Records.stop(1, end), Records.stop(2, end))).get(30, TimeUnit.SECONDS);
            assertEquals(List.of(Records.stop(1, end), Records.stop(2, end)), cdr.history());
            assertEquals(2L, cdr.queueDepths().get("radius"));
        }
    }

    static List<CallLegRecord> take(LinkedBlockingQueue<QueuedRecord> q, int n) throws InterruptedException {
        List<CallLegRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            QueuedRecord r = q.poll(30, TimeUnit.SECONDS);
            if (r == null) {
                break;
            }
            out.add(r.record());
        }
        return out;
    }

    @Test
    @DisplayName("A released call's STOP records are stored, appear in history, and reach the sink after 3 failed tries, in order")
    void retriesUntilAcknowledged() throws Exception {
        FlakySink sink = new FlakySink(3);
        List<CallLegRecord> persisted = new CopyOnWriteArrayList<>();
        try (CdrService cdr = CdrService.start(settings(), List.of(sink), clock, MediaStats.NONE, Scenarios.fixedIds())) {
            cdr.onPersisted(persisted::addAll);
            new Scenarios().facCall(cdr.recordSink(), new AuthorizationResult.Success("786"));
            new Scenarios().connectedCall(cdr.recordSink());
            List<CallLegRecord> got = take(sink.delivered, 4);
            assertEquals(persisted, got, "delivered in commit order");
            assertEquals(List.of(0, 1, 2, 3), sink.attemptsSeen.subList(0, 4), "attempt count grows per failure");
            assertEquals(4, cdr.history().size());
            assertEquals("786", cdr.history().getFirst().facDigits());
            assertTrue(cdr.active().isEmpty());
        }
    }

    @Test
    @DisplayName("A blocked sink never stalls call control: calls keep completing and persisting while the sink hangs")
    void slowSinkDoesNotStall() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CdrSink stuck = new CdrSink() {
            @Override
            public String name() {
                return "syslog";
            }

            @Override
            public Delivery deliver(List<QueuedRecord> batch) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new Delivery.All(batch.size());
            }
        };
        CountDownLatch tenPersisted = new CountDownLatch(20);
        try (CdrService cdr = CdrService.start(settings(), List.of(stuck), clock, MediaStats.NONE)) {
            cdr.onPersisted(l -> l.forEach(r -> tenPersisted.countDown()));
            for (int i = 0; i < 10; i++) {
                new Scenarios().connectedCall(cdr.recordSink());
            }
            assertTrue(tenPersisted.await(30, TimeUnit.SECONDS), "all 20 legs persisted while the sink hangs");
            assertTrue(cdr.queueDepths().get("syslog") >= 19, "still queued: " + cdr.queueDepths());
            release.countDown();
        }
    }

    @Test
    @DisplayName("After a restart the queue resumes: records not delivered before are delivered once, none twice")
    void resumesAfterRestart() throws Exception {
        FlakySink down = new FlakySink(Integer.MAX_VALUE);
        List<CallLegRecord> persisted = new CopyOnWriteArrayList<>();
        try (CdrService cdr = CdrService.start(settings(), List.of(down), clock, MediaStats.NONE)) {
            CountDownLatch stored = new CountDownLatch(6);
            cdr.onPersisted(l -> {
                persisted.addAll(l);
                l.forEach(r -> stored.countDown());
            });
            for (int i = 0; i < 3; i++) {
                new Scenarios().connectedCall(cdr.recordSink());
            }
            assertTrue(stored.await(30, TimeUnit.SECONDS));
        }
        FlakySink up = new FlakySink(0);
        try (CdrService cdr = CdrService.start(settings(), List.of(up), clock, MediaStats.NONE)) {
            assertEquals(persisted, take(up.delivered, 6));
        }
        assertTrue(up.delivered.isEmpty(), "nothing delivered twice");
        try (CdrService cdr = CdrService.start(settings(), List.of(new FlakySink(0)), clock, MediaStats.NONE)) {
            assertEquals(0L, cdr.queueDepths().get("radius"), "acknowledged entries were removed");
        }
    }
}
