package org.tollgate.harness.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.harness.process.GatewayProcess;

/**
 * Issue 3 "done when" against the real gateway process ({@code tollgate run}) over the stock telnet
 * client: the seed configuration without {@code service fac}, plus a port in an LPCOR group the
 * AnalogPhone policy does not accept. A call 0/1/0 → 99329 rings port 0/1/1, which answers, is
 * connected and hung up; a call from the rejected group is released with cause 63 ({@code 3F}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CallControlEndToEndTest {
    /** How many times a {@code show} is repeated while waiting for the gateway (a ceiling). */
    private static final int TRIES = 200;

    @TempDir
    static Path tmp;
    private static GatewayProcess gateway;

    /** The seed without {@code service fac}; voice-port 0/1/2 in group Blocked, which no policy accepts. */
    static String config() throws Exception {
        String seed = GatewayProcess.seed();
        String noFac = String.join("\n", Arrays.stream(seed.split("\n"))
                .filter(l -> !l.equals(" service fac")).toList());
        return noFac.replace(" group 12 AnalogPhone\n", " group 12 AnalogPhone\n group 13 Blocked\n")
                .replace("dial-peer voice 11 pots", """
                        voice-port 0/1/2
                         station-id number 1237
                         lpcor incoming Blocked
                        dial-peer voice 11 pots""");
    }

    @BeforeAll
    static void startGateway() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/expect")), "expect not installed");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/telnet")), "telnet not installed");
        Path cfg = tmp.resolve("cme-nofac.cfg");
        Files.writeString(cfg, config());
        gateway = GatewayProcess.start(cfg, tmp.resolve("data"));
    }

    @AfterAll
    static void stopGateway() throws Exception {
        if (gateway != null) {
            assertEquals(0, gateway.terminate(), String.join("\n", gateway.log()));
            assertTrue(gateway.log().stream().anyMatch(l -> l.contains("tollgate stopped cleanly")));
        }
    }

    @Test
    @Order(1)
    @DisplayName("Issue 3: test voice port 0/1/0 off-hook, digits 99329: 0/1/1 rings, auto-answers, connected in show voice port summary and show call active voice brief; on-hook ends it with cause 16")
    void analogCallConnects() throws Exception {
        try (TelnetSession cli = TelnetSession.open(gateway.telnetPort, tmp)) {
            assertTrue(cli.run("test voice port 0/1/1 auto-answer 2").contains("0/1/1: on-hook"), cli.transcript());
            assertTrue(cli.run("test voice port 0/1/0 off-hook").contains("hearing dial tone"), cli.transcript());
            cli.run("test voice port 0/1/0 digits 99329");
            String ports = cli.runUntil("show voice port summary",
                    s -> line(s, "0/1/0").contains("active") && line(s, "0/1/1").contains("active"), TRIES);
            assertTrue(line(ports, "0/1/0").contains("off-hook") && line(ports, "0/1/0").contains("active"), ports);
            assertTrue(line(ports, "0/1/1").contains("off-hook") && line(ports, "0/1/1").contains("active"), ports);
            String brief = cli.runUntil("show call active voice brief", s -> count(s, "Total call-legs: 2") == 1
                    && s.lines().filter(l -> l.strip().endsWith(" active")).count() == 2, TRIES);
            assertTrue(brief.contains("Total call-legs: 2"), brief);
            assertTrue(brief.contains("Answer 1235 active"), brief);
            assertTrue(brief.contains("pid:11 Originate 99329 active"), brief);

            assertTrue(cli.run("test voice port 0/1/0 on-hook").contains("port IDLE"), cli.transcript());
            String history = cli.runUntil("show call history voice", s -> s.contains("Total call-legs: 2"), TRIES);
            assertTrue(history.contains("PeerAddress=1235"), history);
            assertTrue(history.contains("PeerId=11"), history);
            assertEquals(2, count(history, "DisconnectCause=10"), history);
            assertEquals(2, history.lines().filter(l -> l.matches("ConnectTime=\\d+ ms\\s*")).count(), history);
            String after = cli.runUntil("show voice port summary", s -> line(s, "0/1/1").contains(" idle "), TRIES);
            assertTrue(line(after, "0/1/1").contains(" idle "), after);
            // the callee's phone stays off-hook (hearing the release) until it is hung up
            assertTrue(cli.run("test voice port 0/1/1 on-hook").contains("port IDLE"), cli.transcript());
        }
    }

    @Test
    @Order(2)
    @DisplayName("Issue 3: a call across a rejecting LPCOR policy (Blocked → AnalogPhone) is released with cause 63, DisconnectCause=3F in show call history voice")
    void rejectedByLpcorPolicy() throws Exception {
        try (TelnetSession cli = TelnetSession.open(gateway.telnetPort, tmp)) {
            cli.run("test voice port 0/1/2 off-hook");
            cli.run("test voice port 0/1/2 digits 99329");
            String history = cli.runUntil("show call history voice",
                    s -> s.contains("PeerAddress=1237") && s.contains("DisconnectCause=3F"), TRIES);
            assertTrue(history.contains("DisconnectCause=3F"), history);
            assertTrue(history.contains("InLpcorGroup=Blocked"), history);
            String status = cli.run("test voice port 0/1/2 status");
            cli.run("test voice port 0/1/2 on-hook");
            assertTrue(!status.contains("CONNECTED"), status);
        }
    }

    @Test
    @Order(3)
    @DisplayName("clear call voice causecode 17 releases the connected call through call control: both legs end with DisconnectCause=11")
    void clearCallVoice() throws Exception {
        try (TelnetSession cli = TelnetSession.open(gateway.telnetPort, tmp)) {
            cli.run("test voice port 0/1/1 auto-answer 1");
            cli.run("test voice port 0/1/0 off-hook");
            cli.run("test voice port 0/1/0 digits 99329");
            cli.runUntil("show call active voice brief",
                    s -> s.lines().filter(l -> l.strip().endsWith(" active")).count() == 2, TRIES);
            String cleared = cli.run("clear call voice causecode 17");
            assertTrue(cleared.contains("1 call(s) cleared"), cleared);
            String history = cli.runUntil("show call history voice", s -> count(s, "DisconnectCause=11") == 2, TRIES);
            assertEquals(2, count(history, "DisconnectCause=11"), history);
            assertTrue(cli.runUntil("show call active voice brief", s -> s.contains("Total call-legs: 0"), TRIES)
                    .contains("Total call-legs: 0"));
            cli.run("test voice port 0/1/0 on-hook");
            cli.run("test voice port 0/1/1 on-hook");
        }
    }

    static String line(String text, String start) {
        return text.lines().filter(l -> l.startsWith(start)).findFirst().orElse("");
    }

    static long count(String text, String what) {
        return text.lines().filter(l -> l.strip().equals(what)).count();
    }
}
