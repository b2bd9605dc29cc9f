package org.tollgate.harness.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.cdr.store.CdrStore;
import org.tollgate.harness.process.ChildJvm;
import org.tollgate.harness.process.PersistingChild;
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

    /** The load process ({@link CdrLoadMain}) in {@code mode}, sending RADIUS to {@code port}. */
    static PersistingChild child(Path data, int port, String mode) throws IOException {
        return new PersistingChild(ChildJvm.command(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
                CdrLoadMain.class.getName(), data.toString(), Integer.toString(port), SECRET, mode));
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
            PersistingChild first = child(data, relay.port(), "load");
            assertTrue(first.awaitReady(60), first.log());
            Instant deadline = Instant.now().plusSeconds(60);
            while (first.persisted().size() < 1500 && Instant.now().isBefore(deadline) && first.isAlive()) {
                Thread.sleep(20);
            }
            first.kill();
            Set<String> durable = Set.copyOf(first.persisted());
            assertTrue(durable.size() >= 1500, "load produced " + durable.size() + " records\n" + first.log());

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

            PersistingChild second = child(data, relay.port(), "drain");
            try {
                assertTrue(second.awaitReady(60), second.log());
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
