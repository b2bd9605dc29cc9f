package org.tollgate.harness.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.cdr.store.CdrStore;
import org.tollgate.harness.radius.FreeRadiusServer;

/**
 * Zero loss across a crash: a separate JVM ({@link CdrLoadMain}: call control + CDR service +
 * RADIUS sink) releases calls under load and is SIGKILLed; every STOP record it reported durable
 * is in the store, and after a restart (with the RADIUS server first still stopped, then back)
 * each one reaches FreeRADIUS exactly once.
 */
class CdrDurabilityTest {
    private static final String SECRET = "durable-secret";
    private static final Pattern RECORD_ID = Pattern.compile("cdr-record-id=([0-9A-F]{32}-\\d+)");

    @TempDir
    Path data;

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    /** A child process and the record ids it reported persisted. */
    static final class Child {
        final Process process;
        final Set<String> persisted = ConcurrentHashMap.newKeySet();
        final CountDownLatch ready = new CountDownLatch(1);
        final StringBuffer log = new StringBuffer();
        final Thread reader;

        Child(Path data, int port, String mode) throws IOException {
            process = new ProcessBuilder(java(), "-cp", classpath(), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    CdrLoadMain.class.getName(), data.toString(), Integer.toString(port), SECRET, mode)
                    .redirectErrorStream(true).start();
            reader = Thread.ofPlatform().daemon(true).start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        if (line.startsWith("PERSISTED ")) {
                            persisted.add(line.substring(10));
                        } else {
                            if (line.equals("READY")) {
                                ready.countDown();
                            }
                            if (log.length() < 20_000) {
                                log.append(line).append('\n');
                            }
                        }
                    }
                } catch (IOException e) {
                    log.append("reader: ").append(e).append('\n');
                }
            });
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            reader.join(10_000);
        }
    }

    static Map<String, Long> detailCounts(Path detail) throws IOException {
        if (!Files.exists(detail)) {
            return Map.of();
        }
        Matcher m = RECORD_ID.matcher(Files.readString(detail));
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @Test
    @DisplayName("SIGKILL while releasing calls under load: every durable STOP record is in the store; after restart the "
            + "stopped RADIUS server, once back, receives each exactly once (with Acct-Delay-Time)")
    void killRestartDeliverExactlyOnce() throws Exception {
        assumeTrue(FreeRadiusServer.available(), "freeradius not installed");
        try (FreeRadiusServer radius = FreeRadiusServer.builder().secret(SECRET).start(); UdpRelay relay = new UdpRelay()) {
            Child first = new Child(data, relay.port(), "load");
            assertTrue(first.ready.await(60, TimeUnit.SECONDS), first.log.toString());
            Instant deadline = Instant.now().plusSeconds(60);
            while (first.persisted.size() < 1500 && Instant.now().isBefore(deadline) && first.process.isAlive()) {
                Thread.sleep(20);
            }
            first.kill();
            Set<String> durable = Set.copyOf(first.persisted);
            assertTrue(durable.size() >= 1500, "load produced " + durable.size() + " records\n" + first.log);

            long stored;
            CdrStore store = CdrStore.open(CdrStore.h2Url(data), CdrLoadMain.OWNER, List.of("radius"));
            try (Connection c = store.connect()) {
                for (String id : durable) {
                    assertTrue(store.find(c, id).isPresent(), "record " + id + " lost");
                }
                stored = store.count(c);
                assertEquals(stored, store.depth(c, "radius"), "every stored record is queued for RADIUS (server down)");
            }
            assertTrue(relay.dropped.get() > 0, "the child tried RADIUS while it was down");

            Child second = new Child(data, relay.port(), "drain");
            try {
                assertTrue(second.ready.await(60, TimeUnit.SECONDS), second.log.toString());
                int before = relay.dropped.get();
                Instant wait = Instant.now().plusSeconds(30);
                while (relay.dropped.get() < before + 3 && Instant.now().isBefore(wait)) {
                    Thread.sleep(20);
                }
                relay.up(new InetSocketAddress(radius.address(), radius.acctPort()));
                Instant until = Instant.now().plusSeconds(90);
                Map<String, Long> counts = detailCounts(radius.detailFile());
                while (counts.size() < stored && Instant.now().isBefore(until)) {
                    Thread.sleep(200);
                    counts = detailCounts(radius.detailFile());
                }
                assertEquals(stored, counts.size(), "every stored record reached FreeRADIUS");
                for (String id : durable) {
                    assertEquals(1L, counts.getOrDefault(id, 0L), "record " + id + " at FreeRADIUS exactly once");
                }
                assertTrue(counts.values().stream().allMatch(n -> n == 1L), "no duplicates");
                assertTrue(Files.readString(radius.detailFile()).contains("Acct-Delay-Time = "),
                        "re-sent records carry Acct-Delay-Time");
            } finally {
                second.kill();
            }
        }
    }
}
