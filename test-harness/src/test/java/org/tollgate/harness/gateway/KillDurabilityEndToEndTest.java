package org.tollgate.harness.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.cdr.record.CallLegRecord;
import org.tollgate.cdr.store.CdrStore;
import org.tollgate.harness.radius.FreeRadiusServer;
import org.tollgate.harness.process.GatewayProcess;
import org.tollgate.harness.process.ChildJvm;

/**
 * Zero loss and no duplicate across a SIGKILL of the real gateway process: calls are placed and
 * released in a loop over telnet while the RADIUS server is unreachable (so every STOP record waits
 * in the durable queue), the gateway is killed with SIGKILL right after the last one, restarted with
 * its RADIUS server pointing at a real FreeRADIUS, and then every STOP record in the CDR store
 * reaches FreeRADIUS exactly once.
 */
class KillDurabilityEndToEndTest {
    private static final String SECRET = "kill-acct";
    private static final int CALLS = 15;
    /** How many 50 ms waits for FreeRADIUS to have every record (a ceiling, not a timed assertion). */
    private static final int TRIES = 600;
    private static final String QUEUED = "tollgate_records_queued{sink=\"radius\"}";
    private static final Pattern STOP_ID = Pattern.compile("cdr-record-id=([0-9A-F]{32}-\\d+)\"");

    @TempDir
    Path tmp;

    static String config(int authPort, int acctPort) throws IOException {
        String noFac = String.join("\n", GatewayProcess.seed().lines().filter(l -> !l.equals(" service fac")).toList());
        return noFac.replace("\nline con 0\n", """

                radius server fr
                 address ipv4 127.0.0.1 auth-port %d acct-port %d
                 key %s
                radius-server timeout 1
                radius-server retransmit 0
                aaa accounting connection h323 stop-only group radius
                !
                line con 0
                """.formatted(authPort, acctPort, SECRET));
    }

    /** Record id → how many STOP records FreeRADIUS logged with it. */
    static Map<String, Integer> stops(Path detail) throws IOException {
        Map<String, Integer> m = new HashMap<>();
        if (!Files.exists(detail)) {
            return m;
        }
        for (String rec : Files.readString(detail).split("\\n\\s*\\n")) {
            if (rec.contains("Acct-Status-Type = Stop")) {
                Matcher x = STOP_ID.matcher(rec);
                while (x.find()) {
                    m.merge(x.group(1), 1, Integer::sum);
                }
            }
        }
        return m;
    }

    @Test
    @DisplayName("SIGKILL under load: after a restart every STOP record in the CDR store reaches FreeRADIUS exactly once")
    void everyStopOnceAfterKill() throws Exception {
        assumeTrue(FreeRadiusServer.available(), "freeradius not installed");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/expect")), "expect not installed");
        Path cfg = tmp.resolve("cme-kill.cfg");
        Path data = tmp.resolve("data");
        int dead = ChildJvm.freePort();
        Files.writeString(cfg, config(dead, dead));
        GatewayProcess first = GatewayProcess.start(cfg, data);
        try (TelnetSession cli = TelnetSession.open(first.telnetPort, tmp)) {
            cli.run("test voice port 0/1/1 auto-answer 1");
            for (int i = 0; i < CALLS; i++) {
                cli.run("test voice port 0/1/0 off-hook");
                cli.run("test voice port 0/1/0 digits 99329");
                cli.run("test voice port 0/1/0 on-hook");
                cli.run("test voice port 0/1/1 on-hook");
            }
            first.kill();
        } catch (IOException sessionEndedByKill) {
            // the telnet session ends with the process; the kill has happened
        } finally {
            first.kill();
        }

        try (FreeRadiusServer radius = FreeRadiusServer.builder().secret(SECRET).start()) {
            Files.writeString(cfg, config(radius.authPort(), radius.acctPort()));
            try (GatewayProcess second = GatewayProcess.start(cfg, data)) {
                // the queue depth gauge is refreshed every 5 s: wait for FreeRADIUS to have records and the queue to be empty
                Path detail = radius.detailFile();
                for (int i = 0; i < TRIES && (stops(detail).isEmpty() || second.metric(QUEUED) != 0); i++) {
                    Thread.sleep(50);
                }
                assertEquals(0, second.terminate());
            }
            Set<String> ids = storedIds(data, true);
            Map<String, Integer> got = stops(radius.detailFile());
            assertTrue(ids.size() >= 2, "calls released before the kill are stored: " + ids);
            assertEquals(ids, new TreeSet<>(got.keySet()), "every stored STOP record reached FreeRADIUS, no other");
            assertEquals(Set.of(1), Set.copyOf(got.values()), "each exactly once: " + got);
        }
    }

    /** The ids of every leg record in the CDR store (with {@code emptyQueue}: asserting nothing is left queued). */
    static Set<String> storedIds(Path data, boolean emptyQueue) throws Exception {
        // the gateway has exited: the store is ours
        CdrStore store = CdrStore.open(CdrStore.h2Url(data), "cme-fac", List.of("radius"));
        try (Connection c = store.connect()) {
            if (emptyQueue) {
                assertEquals(0, store.depth(c, "radius"), "RADIUS queue empty");
            }
            List<CallLegRecord> all = store.history(c, Instant.EPOCH, Integer.MAX_VALUE);
            return all.stream().map(CallLegRecord::recordId).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
