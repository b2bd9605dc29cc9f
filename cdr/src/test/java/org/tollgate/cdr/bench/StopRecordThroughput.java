package org.tollgate.cdr.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.tollgate.cdr.Records;
import org.tollgate.cdr.record.CallLegRecord;
import org.tollgate.cdr.record.MediaStats;
import org.tollgate.cdr.service.CdrService;
import org.tollgate.cdr.service.CdrSettings;
import org.tollgate.cdr.sink.CdrSink;
import org.tollgate.cdr.sink.Delivery;
import org.tollgate.cdr.store.QueuedRecord;

/**
 * Timed run (not part of the test suite): STOP records persisted per second by the CDR service
 * with durable settings — H2 file database, {@code WRITE_DELAY=0}, each record committed (with its
 * queue rows for three sinks) before its future completes. Records are handed over two per call,
 * as call control's record sink does, from one thread that never waits; the run ends when the
 * last future completed. Sinks are present (so queue rows are written) but stopped from
 * delivering, so the measurement is the store alone.
 *
 * <pre>
 * mvn -pl cdr test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.tollgate.cdr.bench.StopRecordThroughput [-Dexec.args="200000 radius,file,syslog"]
 * </pre>
 */
public final class StopRecordThroughput {
    private StopRecordThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        List<String> sinkNames = args.length > 1 ? List.of(args[1].split(",")) : List.of("radius", "file", "syslog");
        Path dir = Files.createTempDirectory("cdr-bench-");
        List<CdrSink> sinks = new ArrayList<>();
        for (String name : sinkNames) {
            if (name.isEmpty()) {
                continue;
            }
            sinks.add(new CdrSink() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public Delivery deliver(List<QueuedRecord> batch) {
                    return new Delivery.Partial(0, "benchmark: not delivering");
                }
            });
        }
        CdrSettings settings = CdrSettings.defaults(dir, "bench").withRetry(java.time.Duration.ofHours(1),
                java.time.Duration.ofHours(1));
        Instant end = Instant.parse("2026-11-21T10:00:00Z");
        try (CdrService cdr = CdrService.start(settings, sinks, Clock.systemUTC(), MediaStats.NONE)) {
            for (int round = 0; round < 2; round++) {
                int n = round == 0 ? Math.min(20_000, total) : total;
                List<List<CallLegRecord>> calls = new ArrayList<>(n / 2);
                for (int i = 0; i < n / 2; i++) {
                    long id = round * 10_000_000L + i;
                    calls.add(List.of(Records.stop(2 * id, end), Records.stop(2 * id + 1, end)));
                }
                com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                CompletableFuture<?>[] done = new CompletableFuture<?>[calls.size()];
                for (int i = 0; i < calls.size(); i++) {
                    done[i] = cdr.persist(calls.get(i));
                }
                CompletableFuture.allOf(done).join();
                double secs = (System.nanoTime() - t0) / 1e9;
                double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
                System.out.printf("%s: %d STOP records durable in %.2f s = %.0f records/s (process CPU %.2f s = %.0f"
                        + " records per CPU-second; load average %.1f)%n", round == 0 ? "warm-up" : "measured", n, secs,
                        n / secs, cpu, n / cpu, os.getSystemLoadAverage());
            }
        }
    }
}
