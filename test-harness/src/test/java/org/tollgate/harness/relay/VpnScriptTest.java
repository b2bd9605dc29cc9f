package org.tollgate.harness.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.lines.relay.RelayServer;
import org.tollgate.lines.relay.VpnAccounts;
import org.tollgate.lines.vpn.VpnDaemon;
import org.tollgate.harness.process.ChildJvm;

/**
 * vpnclient spec, "The seed's scripting example": {@code examples/vpn/overnight-report.sh} run by {@code sh}
 * with the installed {@code scripts/vpnclient} wrapper on PATH, a running {@code vpnd}, and a head end
 * ({@code relayapp} with accounts) in front of the "corporate server" that receives the report.
 */
class VpnScriptTest {
    @TempDir
    Path tmp;
    private RelayServer headEnd;
    private VpnDaemon daemon;
    private ServerSocket corpServer;
    private final CompletableFuture<byte[]> received = new CompletableFuture<>();
    private int reportPort;

    @BeforeEach
    void start() throws Exception {
        List<String> accounts = List.of("branch-offices admin " + VpnAccounts.hash("grp-pass") + " " + VpnAccounts.hash("admin"));
        headEnd = RelayServer.start(new RelayServer.Config(new InetSocketAddress("127.0.0.1", 0),
                new InetSocketAddress("127.0.0.1", 0), tmp.resolve("headend.key"), Duration.ofSeconds(10),
                Optional.of(((VpnAccounts.Ok) VpnAccounts.parse(accounts)).accounts()), "reports go to /overnight"));
        corpServer = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try (Socket s = corpServer.accept(); InputStream in = s.getInputStream()) {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                in.transferTo(all);
                received.complete(all.toByteArray());
            } catch (IOException e) {
                received.completeExceptionally(e);
            }
        });
        daemon = VpnDaemon.start(new VpnDaemon.Config(tmp.resolve("vpnd.sock"), tmp.resolve("data"), java.time.Clock.systemUTC()));
        reportPort = ChildJvm.freePort();
        Files.createDirectories(tmp.resolve("Profiles"));
        Files.write(tmp.resolve("Profiles/myprofile.pcf"), List.of("[main]", "Description=head office",
                "Host=127.0.0.1", "TunnelPort=" + headEnd.tunnelPort(), "HostKey=" + headEnd.fingerprint(), "AuthType=1",
                "GroupName=branch-offices", "GroupPwd=grp-pass", "Username=admin", "SaveUserPassword=0",
                "ForwardRoutes=" + reportPort + ":127.0.0.1:" + corpServer.getLocalPort()));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("vpnclient"), ChildJvm.repoRoot().resolve("scripts/vpnclient"));
    }

    @AfterEach
    void stop() throws Exception {
        daemon.close();
        headEnd.close();
        corpServer.close();
    }

    private Processes.Running script(Path report) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("sh", ChildJvm.repoRoot().resolve("examples/vpn/overnight-report.sh").toString(),
                report.toString(), "myprofile").redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PATH", tmp.resolve("bin") + ":" + env.get("PATH"));
        env.put("TOLLGATE_CMD", ChildJvm.java() + " -cp " + ChildJvm.classpath() + " org.tollgate.gateway.Main");
        env.put("TOLLGATE_VPN_SOCKET", tmp.resolve("vpnd.sock").toString());
        env.put("TOLLGATE_VPN_PROFILES", tmp.resolve("Profiles").toString());
        env.put("TOLLGATE_VPN_DATA", tmp.resolve("data").toString());
        env.put("REPORT_PORT", String.valueOf(reportPort));
        return new Processes.Running(pb);
    }

    @Test
    @DisplayName("POSIX script: vpnclient connect returns 200, the report crosses the tunnel, vpnclient disconnect returns 201")
    void overnightReport() throws Exception {
        byte[] report = new byte[64 * 1024];
        new Random(7).nextBytes(report);
        Path file = tmp.resolve("report.xls");
        Files.write(file, report);
        Processes.Running sh = script(file);
        assertEquals(0, sh.waitFor(), sh.text());
        assertTrue(sh.text().contains("Your VPN connection is secure."), sh.text());
        assertTrue(sh.text().contains("Spreadsheet uploaded"), sh.text());
        assertArrayEquals(report, received.get(Processes.LIMIT_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    @DisplayName("POSIX script: without a daemon the script sees return code 35 and stops before copying")
    void noDaemon() throws Exception {
        daemon.close();
        Path file = tmp.resolve("report.xls");
        Files.writeString(file, "numbers", StandardCharsets.US_ASCII);
        Processes.Running sh = script(file);
        assertEquals(1, sh.waitFor(), sh.text());
        assertTrue(sh.text().contains("failed to connect with error = 35"), sh.text());
        assertTrue(!received.isDone(), "nothing was copied");
    }
}
