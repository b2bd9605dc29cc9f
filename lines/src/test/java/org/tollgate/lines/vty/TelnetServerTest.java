package org.tollgate.lines.vty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.time.ManualClock;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.cli.BuiltinCommands;
import org.tollgate.config.cli.CliEnvironment;
import org.tollgate.config.cli.CommandRegistry;
import org.tollgate.config.cli.ConfigHolder;
import org.tollgate.config.cli.DebugBus;
import org.tollgate.config.cli.StartupConfig;
import org.tollgate.config.cli.VersionInfo;
import org.tollgate.config.secret.Password;
import org.tollgate.config.user.User;
import org.tollgate.lines.exec.LineTable;
import org.tollgate.lines.exec.LoginMode;

/** The telnet server over real loopback sockets: vty limit and transport input. */
class TelnetServerTest {
    private static final Instant START = Instant.parse("2026-11-21T10:00:00Z");

    /** A clock the test moves by hand (exec-timeout). */
    private final ManualClock clock = new ManualClock(START);
    private final LineTable lines = new LineTable(clock);
    private final AtomicReference<VtyPolicy> policy =
            new AtomicReference<>(new VtyPolicy(0, 0, 2, new LoginMode.Local(), true, true, java.time.Duration.ZERO));
    private TelnetServer server;

    private TelnetServer start() throws IOException {
        GatewayConfig cfg = GatewayConfig.empty().toBuilder().hostname("gw")
                .users(List.of(new User("admin", 15, false, Optional.empty(), Password.ofClear("pw")))).build();
        CliEnvironment env = new CliEnvironment(new ConfigHolder(cfg), new DebugBus(clock), clock,
                StartupConfig.none("none"), new VersionInfo("0.1.0", clock.instant(), "none"), lines);
        CommandRegistry r = new CommandRegistry();
        new BuiltinCommands().register(r);
        server = TelnetServer.start(env, r.build(), lines, policy::get, InetAddress.getLoopbackAddress(), 0);
        return server;
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
        s.setSoTimeout(10_000);
        return s;
    }

    /** Reads (dropping TELNET commands) until {@code marker} appears or the stream ends; returns the text. */
    private static String readUntil(InputStream in, String marker) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return text.toString(StandardCharsets.ISO_8859_1);
            }
            if (b == 255) {
                int cmd = in.read();
                if (cmd >= 251 && cmd <= 254) {
                    in.read();
                }
                continue;
            }
            text.write(b);
            if (text.toString(StandardCharsets.ISO_8859_1).endsWith(marker)) {
                return text.toString(StandardCharsets.ISO_8859_1);
            }
        }
    }

    @Test
    @DisplayName("with line vty 0 0 a second concurrent connection is refused; after exit the line is free again")
    void vtyLimit() throws IOException {
        start();
        try (Socket first = connect()) {
            assertTrue(readUntil(first.getInputStream(), "Username: ").contains("User Access Verification"));
            try (Socket second = connect()) {
                String refused = readUntil(second.getInputStream(), "\u0000never");
                assertTrue(refused.contains("no free vty line"), refused);
            }
            first.getOutputStream().write("admin\rpw\rexit\r".getBytes(StandardCharsets.US_ASCII));
            String session = readUntil(first.getInputStream(), "\u0000never");
            assertTrue(session.contains("gw#exit"), session);
        }
        try (Socket third = connect()) {
            assertTrue(readUntil(third.getInputStream(), "Username: ").contains("User Access Verification"));
        }
    }

    @Test
    @DisplayName("exec-timeout: an idle session is disconnected when its limit has passed")
    void execTimeoutDisconnects() throws IOException {
        policy.set(new VtyPolicy(0, 4, 2, new LoginMode.Local(), true, true, java.time.Duration.ofMinutes(10)));
        start();
        try (Socket s = connect()) {
            s.getOutputStream().write("admin\rpw\r".getBytes(StandardCharsets.US_ASCII));
            readUntil(s.getInputStream(), "gw#");
            clock.advance(java.time.Duration.ofMinutes(9));
            assertEquals(0, lines.expireIdle());
            clock.advance(java.time.Duration.ofMinutes(1));
            assertEquals(1, lines.expireIdle());
            String rest = readUntil(s.getInputStream(), "\u0000never");
            assertTrue(rest.isEmpty(), rest);
        }
    }

    @Test
    @DisplayName("transport input without telnet refuses telnet connections")
    void transportInput() throws IOException {
        policy.set(new VtyPolicy(0, 4, 2, new LoginMode.Local(), false, true, java.time.Duration.ZERO));
        start();
        try (Socket s = connect()) {
            String text = readUntil(s.getInputStream(), "\u0000never");
            assertTrue(text.contains("% Connection refused by remote host"), text);
        }
    }
}
