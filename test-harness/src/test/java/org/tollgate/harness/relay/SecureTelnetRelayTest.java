package org.tollgate.harness.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.harness.relay.Processes.Running;
import org.tollgate.harness.process.ChildJvm;

/**
 * Secure telnet spec end to end with real processes: {@code tollgate run} (the gateway, whose telnet CLI is
 * the "telnet daemon"), {@code tollgate relayapp}, {@code tollgate tndconnect}, and the stock inetutils
 * {@code telnet} client driven by {@code expect} as the support engineer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecureTelnetRelayTest {
    private static final Pattern RELAY_READY =
            Pattern.compile("relayapp: engineers telnet to port (\\d+); connectors use -port (\\d+) -hostkey (SHA256:\\S+)");

    @TempDir
    static Path tmp;
    private static Running gateway;
    private static Running relay;
    private static int gatewayTelnet;
    private static int relayTelnet;
    private static int relayTunnel;
    private static String fingerprint;

    @BeforeAll
    static void start() throws Exception {
        Path config = tmp.resolve("cme-fac.cfg");
        Files.copy(ChildJvm.repoRoot().resolve("examples/cme-fac.cfg"), config);
        gatewayTelnet = ChildJvm.freePort();
        gateway = new Running(Processes.tollgate("run", "--config", config.toString(), "--no-console",
                "--telnet-port", String.valueOf(gatewayTelnet), "--ssh-port", String.valueOf(ChildJvm.freePort()),
                "--http-port", String.valueOf(ChildJvm.freePort()), "--data-dir", tmp.resolve("gw").toString()));
        gateway.awaitLine(l -> l.contains("tollgate 0.1.0 started"), "the gateway's start-up");

        relay = new Running(Processes.tollgate("relayapp", "--listen", "127.0.0.1:" + ChildJvm.freePort(),
                "--tunnel-listen", "127.0.0.1:" + ChildJvm.freePort(), "--host-key", tmp.resolve("relay.key").toString()));
        Matcher m = RELAY_READY.matcher(relay.awaitLine(l -> RELAY_READY.matcher(l).find(), "relayapp ready"));
        assertTrue(m.find());
        relayTelnet = Integer.parseInt(m.group(1));
        relayTunnel = Integer.parseInt(m.group(2));
        fingerprint = m.group(3);
    }

    @AfterAll
    static void stop() throws Exception {
        if (relay != null) {
            relay.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    private static Running tndconnect(String otp, Path log) throws Exception {
        Running t = new Running(Processes.tollgate("tndconnect", "-host", "127.0.0.1", "-port", String.valueOf(relayTunnel),
                "-password", otp, "-file", log.toString(), "-target", "127.0.0.1", "-targetport",
                String.valueOf(gatewayTelnet), "-hostkey", fingerprint));
        t.awaitLine(l -> l.contains("tunnel up to relay"), "tndconnect's tunnel up");
        return t;
    }

    @Test
    @Order(1)
    @DisplayName("stock telnet through relayapp and tndconnect: wrong OTP refused, gateway login, show version, in the audit log")
    void engineerSession() throws Exception {
        Path log = tmp.resolve("tndconnect.log");
        try (Running connector = tndconnect("otp-4711", log)) {
            Path script = tmp.resolve("relay-session.exp");
            try (InputStream in = SecureTelnetRelayTest.class.getResourceAsStream("/relay/relay-session.exp")) {
                Files.write(script, in.readAllBytes());
            }
            Process p = new ProcessBuilder("expect", "-f", script.toString(), "127.0.0.1", String.valueOf(relayTelnet),
                    "otp-4711").redirectErrorStream(true).start();
            String transcript = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(Processes.LIMIT_SECONDS, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), transcript);

            assertEquals(0, connector.waitFor(), "tndconnect exits by itself when the session ends\n" + connector.text());
            String audit = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(audit.contains("tndconnect starting"), audit);
            assertTrue(audit.lines().anyMatch(l -> l.matches("^\\S+Z > show version$")), audit);
            assertTrue(audit.contains("< tollgate Software, Version"), audit);
            assertFalse(audit.contains("tollgate-admin"), "the gateway password typed at Password: is not logged");
            assertFalse(audit.contains("otp-4711"), "the one-time password is not logged");
            assertTrue(connector.text().contains("> show version"), "the connector's console shows the commands");
        }
    }

    @Test
    @Order(2)
    @DisplayName("the used one-time password is refused on replay, both to an engineer and to a new tndconnect")
    void replay() throws Exception {
        try (Socket s = new Socket("127.0.0.1", relayTelnet)) {
            s.setSoTimeout(30_000);
            InputStream in = s.getInputStream();
            StringBuilder seen = new StringBuilder();
            readUntil(in, seen, "Password: ");
            s.getOutputStream().write("otp-4711\r\n".getBytes(StandardCharsets.US_ASCII));
            readUntil(in, seen, "already been used");
        }
        Running again = new Running(Processes.tollgate("tndconnect", "-host", "127.0.0.1", "-port", String.valueOf(relayTunnel),
                "-password", "otp-4711", "-file", tmp.resolve("replay.log").toString(), "-target", "127.0.0.1",
                "-targetport", String.valueOf(gatewayTelnet), "-hostkey", fingerprint));
        assertEquals(1, again.waitFor(), again.text());
        assertTrue(again.text().contains("refused the one-time password"), again.text());
    }

    @Test
    @Order(3)
    @DisplayName("Ctrl+C (SIGINT) ends tndconnect and the audit log records it")
    void ctrlC() throws Exception {
        Path log = tmp.resolve("ctrl-c.log");
        Running connector = tndconnect("otp-ctrl-c", log);
        new ProcessBuilder("kill", "-INT", String.valueOf(connector.process.pid())).start().waitFor();
        connector.waitFor();
        assertTrue(Files.readString(log, StandardCharsets.UTF_8).contains("tndconnect ended: interrupted (Ctrl+C)"),
                Files.readString(log, StandardCharsets.UTF_8));
    }

    @Test
    @Order(4)
    @DisplayName("tndconnect prints an error and exits 1 when the telnet daemon is not running")
    void daemonNotRunning() throws Exception {
        Running t = new Running(Processes.tollgate("tndconnect", "-host", "127.0.0.1", "-port", String.valueOf(relayTunnel),
                "-password", "otp-nodaemon", "-file", tmp.resolve("nodaemon.log").toString(), "-target", "127.0.0.1",
                "-targetport", String.valueOf(ChildJvm.freePort()), "-hostkey", fingerprint));
        assertEquals(1, t.waitFor(), t.text());
        assertTrue(t.text().contains("is not running"), t.text());
    }

    private static void readUntil(InputStream in, StringBuilder seen, String text) throws Exception {
        byte[] buf = new byte[512];
        while (seen.indexOf(text) < 0) {
            int n = in.read(buf);
            if (n < 0) {
                throw new AssertionError("closed before '" + text + "': " + seen);
            }
            seen.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
        }
    }
}
