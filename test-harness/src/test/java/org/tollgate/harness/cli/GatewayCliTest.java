package org.tollgate.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.util.io.output.NoCloseOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.gateway.store.GatewayStore;
import org.tollgate.harness.process.GatewayProcess;
import org.tollgate.harness.process.ChildJvm;

/**
 * The real gateway process on {@code examples/cme-fac.cfg}: the stock telnet client driven by
 * expect, the MINA SSHD client, /metrics and /health over HTTP, and SIGTERM shutdown.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayCliTest {
    /** A ceiling for each network exchange (never a timed assertion). */
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    static Path tmp;
    private static GatewayProcess gateway;

    @BeforeAll
    static void startGateway() throws Exception {
        Path config = tmp.resolve("cme-fac.cfg");
        Files.copy(ChildJvm.repoRoot().resolve("examples/cme-fac.cfg"), config);
        gateway = GatewayProcess.start(config, tmp.resolve("data"));
    }

    @AfterAll
    static void stopGateway() throws InterruptedException {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("stock telnet client (expect): % Login invalid, login as admin, show running-config, show version, exit")
    void telnetWithExpect() throws Exception {
        Path script = tmp.resolve("telnet-session.exp");
        try (InputStream in = GatewayCliTest.class.getResourceAsStream("/cli/telnet-session.exp")) {
            Files.write(script, in.readAllBytes());
        }
        Process p = new ProcessBuilder("expect", "-f", script.toString(), "127.0.0.1",
                Integer.toString(gateway.telnetPort)).redirectErrorStream(true).start();
        String transcript = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), transcript);
        assertTrue(transcript.contains("% Login invalid"), transcript);
        assertTrue(transcript.contains("voice lpcor policy LocalUser"), transcript);
    }

    @Test
    @Order(2)
    @DisplayName("SSH (MINA client): password login as admin, show running-config, show users, sh voi lp pol over the shell channel")
    void sshShell() throws Exception {
        String text = sshSession("terminal length 0\rshow running-config\rshow users\rsh voi lp pol LocalUser\rexit\r");
        assertTrue(text.contains("cme-fac#"), text);
        assertTrue(text.contains("voice lpcor policy LocalUser"), text);
        assertTrue(text.contains("dial-peer voice 11 pots"), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("*") && l.contains("vty") && l.contains("admin")), text);
        // a command contributed by call control, abbreviated as in the issue
        assertTrue(text.contains("service fac is enabled"), text);
    }

    @Test
    @Order(3)
    @DisplayName("SSH with a wrong password is refused")
    void sshWrongPassword() throws Exception {
        try (SshClient client = SshClient.setUpDefaultClient()) {
            client.start();
            try (ClientSession session = client.connect("admin", "127.0.0.1", gateway.sshPort)
                    .verify(LIMIT).getSession()) {
                session.addPasswordIdentity("wrong");
                assertFalse(session.auth().await(LIMIT) && session.isAuthenticated());
            }
        }
    }

    @Test
    @Order(4)
    @DisplayName("/metrics serves the Prometheus text with the gateway meters; /health is 200 UP")
    void metricsAndHealth() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + gateway.httpPort + "/metrics")).timeout(LIMIT).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            for (String meter : new String[] {"tollgate_calls_active", "tollgate_calls_total{outcome=",
                    "tollgate_fac_total{result=\"success\"}", "tollgate_fac_total{result=\"failure\"}",
                    "tollgate_radius_latency_seconds_count", "tollgate_records_queued{sink="}) {
                assertTrue(metrics.body().contains(meter), meter + " missing in\n" + metrics.body());
            }
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + gateway.httpPort + "/health")).timeout(LIMIT).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertEquals("{\"status\":\"UP\"}", health.body());
            HttpResponse<String> missing = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + gateway.httpPort + "/nothing")).timeout(LIMIT).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, missing.statusCode());
        }
    }

    @Test
    @Order(5)
    @DisplayName("configure terminal over SSH applies on end; write memory saves the file atomically ([OK])")
    void configureAndWriteMemory() throws Exception {
        String text = sshSession("configure terminal\rhostname edge-gw\rend\rwrite memory\rexit\r");
        assertTrue(text.contains("cme-fac(config)#"), text);
        assertTrue(text.contains("edge-gw#write memory"), text);
        assertTrue(text.contains("Building configuration...\r\n[OK]"), text);
        String saved = Files.readString(tmp.resolve("cme-fac.cfg"));
        assertTrue(saved.contains("hostname edge-gw"), saved);
        assertTrue(saved.contains("voice lpcor policy LocalUser"), saved);
    }

    private static String sshSession(String keys) throws IOException {
        try (SshClient client = SshClient.setUpDefaultClient()) {
            client.start();
            try (ClientSession session = client.connect("admin", "127.0.0.1", gateway.sshPort)
                    .verify(LIMIT).getSession()) {
                session.addPasswordIdentity("tollgate-admin");
                session.auth().verify(LIMIT);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (ChannelShell shell = session.createShellChannel()) {
                    shell.setOut(new NoCloseOutputStream(out));
                    shell.setErr(new NoCloseOutputStream(out));
                    shell.open().verify(LIMIT);
                    OutputStream in = shell.getInvertedIn();
                    in.write(keys.getBytes(StandardCharsets.US_ASCII));
                    in.flush();
                    shell.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), LIMIT);
                }
                return out.toString(StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    @Order(6)
    @DisplayName("the start-up configuration is archived in the H2 store and a log file is written under the data dir")
    void dataDirectory() {
        assertTrue(Files.exists(gateway.dataDir.resolve("tollgate.mv.db")));
        assertTrue(Files.exists(gateway.dataDir.resolve("logs/tollgate.log")));
        assertTrue(Files.exists(gateway.dataDir.resolve("ssh-host-key.ser")));
    }

    @Test
    @Order(7)
    @DisplayName("SIGTERM: the gateway shuts down cleanly, logs it and exits 0; the store holds both applied configurations")
    void sigterm() throws Exception {
        assertTrue(gateway.isAlive());
        int status = gateway.terminate();
        assertEquals(0, status, String.join("\n", gateway.log()));
        assertTrue(gateway.log().stream().anyMatch(l -> l.contains("tollgate stopped cleanly")),
                String.join("\n", gateway.log()));
        try (GatewayStore store = GatewayStore.open(gateway.dataDir)) {
            List<GatewayStore.ArchivedConfig> archived = store.archived();
            assertEquals(2, archived.size(), archived.toString());
            assertEquals("startup", archived.get(0).appliedBy());
            assertEquals("admin", archived.get(1).appliedBy());
            assertTrue(archived.get(1).text().contains("hostname edge-gw"));
        }
    }
}
