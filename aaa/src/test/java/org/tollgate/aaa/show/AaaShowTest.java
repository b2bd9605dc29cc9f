package org.tollgate.aaa.show;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.aaa.cli.AaaCommands;
import org.tollgate.aaa.lockout.FacLockout;
import org.tollgate.aaa.method.Credentials;
import org.tollgate.aaa.radius.RadiusGroup;
import org.tollgate.aaa.radius.RadiusServerSpec;
import org.tollgate.aaa.radius.RadiusServers;
import org.tollgate.aaa.radius.RadiusSettings;
import org.tollgate.aaa.testing.EmbeddedRadiusServer;
import org.tollgate.callcontrol.time.ManualClock;
import org.tollgate.config.cli.CommandRegistry;

/** show aaa servers (IOS layout) and show aaa fac lockout (tollgate extension). */
class AaaShowTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    @DisplayName("show aaa servers: per-server state (UP/DEAD) and authentication counters")
    void servers() throws Exception {
        RadiusServers states = new RadiusServers();
        RadiusSettings settings = RadiusSettings.defaults().withTimeout(Duration.ofMillis(300)).withRetransmit(1)
                .withDeadtime(Duration.ofMinutes(5));
        try (EmbeddedRadiusServer good = new EmbeddedRadiusServer("k", Map.of("786", "54321"),
                EmbeddedRadiusServer.ReplySigning.VALID);
                EmbeddedRadiusServer wrongKey = new EmbeddedRadiusServer("other", Map.of(),
                        EmbeddedRadiusServer.ReplySigning.VALID)) {
            InetAddress lo = InetAddress.getLoopbackAddress();
            RadiusGroup group = new RadiusGroup("group radius", List.of(
                    new RadiusServerSpec("bad", lo, wrongKey.port(), wrongKey.acctPort(), "k"),
                    new RadiusServerSpec("good", lo, good.port(), good.acctPort(), "k")), settings, clock, "t", states);
            group.authenticate(new Credentials("786", "54321")).join();
            group.authenticate(new Credentials("786", "0")).join();
            String out = AaaShow.servers(states.snapshot(clock.instant()), clock.instant());
            String[] blocks = out.split("(?=RADIUS: id)");
            assertEquals(2, blocks.length, out);
            String bad = blocks[0].contains("auth-port " + wrongKey.port()) ? blocks[0] : blocks[1];
            String ok = bad == blocks[0] ? blocks[1] : blocks[0];
            assertTrue(bad.contains("State: current DEAD, remaining 300s"), bad);
            assertTrue(bad.contains("Dead: total count 1"), bad);
            assertTrue(bad.contains("Authen: request 1, timeouts 1, retransmission 1"), bad);
            // the retransmission is a duplicate to TinyRadius, which answers only the first
            assertTrue(bad.contains("incorrect 1"), "the reply with a bad authenticator was counted: " + bad);
            assertTrue(ok.contains("State: current UP"), ok);
            assertTrue(ok.contains("Authen: request 2, timeouts 0, retransmission 0"), ok);
            assertTrue(ok.contains("Response: accept 1, reject 1, incorrect 0"), ok);
        }
    }

    @Test
    @DisplayName("show aaa fac lockout: settings, counters and the callers locked now")
    void lockout() {
        FacLockout lockout = new FacLockout(clock, 2, Duration.ofMinutes(15));
        lockout.recordFailure("1001");
        lockout.recordFailure("1001");
        lockout.refuse("1001");
        String out = AaaShow.lockout(lockout);
        assertTrue(out.startsWith("FAC lockout: after 2 consecutive failures, 15 minutes\n"), out);
        assertTrue(out.contains("Lockouts: 1, refused attempts: 1"), out);
        assertTrue(out.contains("1001"), out);
        assertTrue(out.contains("2026-01-01T00:15:00Z"), out);
        lockout.clear();
        assertTrue(AaaShow.lockout(lockout).contains("No caller locked out"));
    }

    @Test
    @DisplayName("the AAA commands register into the EXEC command tree")
    void registers() {
        CommandRegistry registry = new CommandRegistry();
        new AaaCommands(() -> null).register(registry);
        List<String> syntaxes = registry.build().syntaxes();
        assertTrue(syntaxes.containsAll(List.of("show aaa servers", "show aaa fac lockout", "clear aaa fac lockout")),
                syntaxes.toString());
    }
}
