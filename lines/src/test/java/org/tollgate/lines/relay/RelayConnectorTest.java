package org.tollgate.lines.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tollgate.lines.relay.RelayFixture.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.lines.relay.RelayFixture.Engineer;
import org.tollgate.lines.relay.RelayFixture.Running;
import org.tollgate.callcontrol.time.ManualClock;

/** Secure telnet spec: relay, connector and engineer end to end against a telnet-like echo daemon. */
class RelayConnectorTest {
    @TempDir
    Path dir;
    private RelayServer relay;
    private EchoDaemon daemon;
    private final ManualClock clock = new ManualClock();

    @BeforeEach
    void start() throws Exception {
        relay = RelayFixture.relay(dir);
        daemon = new EchoDaemon();
    }

    @AfterEach
    void stop() throws Exception {
        relay.close();
        daemon.close();
    }

    private Running connect(String password) throws Exception {
        Running r = RelayFixture.connector(dir, clock, RelayFixture.args(relay, password, daemon.port()));
        await("tunnel registered at the relay and up at the connector", () -> r.end().isDone()
                || relay.waitingTunnels() == 1 && r.connector().state() instanceof ConnectorLifecycle.Waiting);
        return r;
    }

    private Engineer join(String password) throws Exception {
        Engineer e = new Engineer(relay);
        e.expect("Password: ");
        e.send(password + "\r\n");
        e.expect("tiny-daemon ready");
        return e;
    }

    @Test
    @DisplayName("the engineer's commands reach the daemon through the tunnel and both directions are audited")
    void relaysAndAudits() throws Exception {
        Running r = connect("otp-1234");
        try (Engineer e = join("otp-1234")) {
            e.send("show version\r\n");
            e.expect("echo: show version");
        }
        assertEquals(SessionEnd.ENGINEER_DISCONNECTED, ended(r));
        String log = r.logText();
        assertTrue(log.contains("> show version"), log);
        assertTrue(log.contains("< echo: show version"), log);
        assertTrue(log.contains("tndconnect starting: -host 127.0.0.1"), log);
        assertFalse(log.contains("otp-1234"), "the one-time password is never logged");
        assertTrue(log.lines().allMatch(l -> l.matches("^\\d{4}-\\d\\d-\\d\\dT\\S+Z .*")), "every line is timestamped");
        assertTrue(r.console().toString().contains("> show version"), "the console shows the relayed commands");
    }

    @Test
    @DisplayName("-noecho hides relayed data on the console but still audits it")
    void noecho() throws Exception {
        Running r = RelayFixture.connector(dir, clock, concat(RelayFixture.args(relay, "noecho-pw", daemon.port()), "-noecho"));
        await("tunnel", () -> relay.waitingTunnels() == 1);
        try (Engineer e = join("noecho-pw")) {
            e.send("show clock\r\n");
            e.expect("echo: show clock");
        }
        assertEquals(SessionEnd.ENGINEER_DISCONNECTED, ended(r));
        assertTrue(r.logText().contains("> show clock"));
        assertFalse(r.console().toString().contains("show clock"));
    }

    @Test
    @DisplayName("a wrong password is refused and the tunnel stays available for the right one")
    void wrongPasswordRefused() throws Exception {
        Running r = connect("right-pass");
        try (Engineer e = new Engineer(relay)) {
            e.expect("Password: ");
            e.send("wrong-pass\r\n");
            e.expect("% Access denied");
            e.expect("Password: ");
            e.send("right-pass\r\n");
            e.expect("tiny-daemon ready");
        }
        assertEquals(SessionEnd.ENGINEER_DISCONNECTED, ended(r));
    }

    @Test
    @DisplayName("three wrong passwords end the engineer's telnet session")
    void threeWrongPasswords() throws Exception {
        try (Engineer e = new Engineer(relay)) {
            for (int i = 0; i < 3; i++) {
                e.expect("Password: ");
                e.send("nope" + i + "\r\n");
                e.expect("% Access denied");
            }
            assertTrue(e.readToEnd().contains("Too many attempts"));
        }
    }

    @Test
    @DisplayName("a used one-time password is refused on replay, from an engineer and from a new connector")
    void replayRefused() throws Exception {
        Running first = connect("once-only");
        try (Engineer e = join("once-only")) {
            e.send("quit\r\n");
            e.readToEnd();
        }
        assertEquals(SessionEnd.DAEMON_EXIT, ended(first));

        Running second = RelayFixture.connector(dir, clock, RelayFixture.args(relay, "once-only", daemon.port()));
        assertEquals(SessionEnd.REFUSED, ended(second));
        assertEquals(1, SessionEnd.REFUSED.exitStatus());
        assertTrue(second.logText().contains("refused the one-time password"));

        try (Engineer e = new Engineer(relay)) {
            e.expect("Password: ");
            e.send("once-only\r\n");
            e.expect("already been used");
        }
    }

    @Test
    @DisplayName("idle timeout: the waiting tunnel closes after 30 minutes without traffic (fake clock)")
    void idleWhileWaiting() throws Exception {
        Running r = connect("idle-wait");
        clock.advance(Duration.ofMinutes(29));
        r.connector().tick();
        assertFalse(r.end().isDone());
        clock.advance(Duration.ofMinutes(1));
        r.connector().tick();
        assertEquals(SessionEnd.IDLE_TIMEOUT, ended(r));
        await("relay forgets the tunnel", () -> relay.waitingTunnels() == 0);
    }

    @Test
    @DisplayName("idle timeout: relayed traffic restarts the timer; 30 quiet minutes close the session and tell the engineer")
    void idleWhileJoined() throws Exception {
        Running r = connect("idle-join");
        try (Engineer e = join("idle-join")) {
            clock.advance(Duration.ofMinutes(29));
            e.send("ping\r\n");
            e.expect("echo: ping");
            clock.advance(Duration.ofMinutes(29));
            r.connector().tick();
            assertFalse(r.end().isDone(), "traffic restarted the idle timer");
            clock.advance(Duration.ofMinutes(1));
            r.connector().tick();
            assertEquals(SessionEnd.IDLE_TIMEOUT, ended(r));
            assertTrue(e.readToEnd().contains("tndconnect: no traffic for the idle limit"));
        }
        assertTrue(r.logText().contains("tndconnect ended: no traffic"));
    }

    @Test
    @DisplayName("-idle changes the idle limit")
    void idleOption() throws Exception {
        Running r = RelayFixture.connector(dir, clock, concat(RelayFixture.args(relay, "idle-five", daemon.port()), "-idle", "5"));
        await("tunnel", () -> relay.waitingTunnels() == 1 && r.connector().state() instanceof ConnectorLifecycle.Waiting);
        clock.advance(Duration.ofMinutes(5));
        r.connector().tick();
        assertEquals(SessionEnd.IDLE_TIMEOUT, ended(r));
    }

    @Test
    @DisplayName("the telnet daemon not running at start-up: error and exit status 1")
    void daemonNotRunning() throws Exception {
        int port = daemon.port();
        daemon.close();
        Running r = RelayFixture.connector(dir, clock, RelayFixture.args(relay, "no-daemon", port));
        assertEquals(SessionEnd.DAEMON_NOT_RUNNING, ended(r));
        assertEquals(1, ended(r).exitStatus());
        assertTrue(r.logText().contains("is not running"));
        assertEquals(0, relay.waitingTunnels(), "no tunnel is opened");
    }

    @Test
    @DisplayName("the telnet daemon gone when the engineer arrives: the engineer is told and tndconnect ends")
    void daemonGoneAtJoin() throws Exception {
        Running r = connect("daemon-gone");
        daemon.close();
        try (Engineer e = new Engineer(relay)) {
            e.expect("Password: ");
            e.send("daemon-gone\r\n");
            assertTrue(e.readToEnd().contains("is not running"));
        }
        assertEquals(SessionEnd.DAEMON_EXIT, ended(r));
    }

    @Test
    @DisplayName("the telnet daemon closing the session ends the tunnel and the engineer's connection")
    void daemonCloses() throws Exception {
        Running r = connect("daemon-quit");
        try (Engineer e = join("daemon-quit")) {
            e.send("quit\r\n");
            assertTrue(e.readToEnd().contains("bye"));
        }
        assertEquals(SessionEnd.DAEMON_EXIT, ended(r));
    }

    @Test
    @DisplayName("a TCP failure (reset) on the daemon connection ends the session as a socket failure")
    void socketFailure() throws Exception {
        Running r = connect("tcp-reset");
        try (Engineer e = join("tcp-reset")) {
            e.send("reset\r\n");
            e.readToEnd();
        }
        assertEquals(SessionEnd.SOCKET_FAILURE, ended(r));
    }

    @Test
    @DisplayName("the relay program ending closes the tunnel and tndconnect exits")
    void relayExits() throws Exception {
        Running r = connect("relay-stop");
        relay.close();
        assertEquals(SessionEnd.RELAY_EXIT, ended(r));
    }

    @Test
    @DisplayName("the relay ending during a session disconnects the engineer and ends tndconnect")
    void relayExitsWhileJoined() throws Exception {
        Running r = connect("relay-stop2");
        try (Engineer e = join("relay-stop2")) {
            relay.close();
            e.readToEnd();
        }
        assertEquals(SessionEnd.RELAY_EXIT, ended(r));
    }

    @Test
    @DisplayName("Ctrl+C in tndconnect ends the session and tells the engineer")
    void interrupted() throws Exception {
        Running r = connect("ctrl-c");
        try (Engineer e = join("ctrl-c")) {
            r.connector().interrupt();
            assertEquals(SessionEnd.INTERRUPTED, ended(r));
            assertTrue(e.readToEnd().contains("interrupted (Ctrl+C)"));
        }
    }

    @Test
    @DisplayName("a relay presenting another host key than the pinned one is refused")
    void hostKeyMismatch() throws Exception {
        String[] args = RelayFixture.args(relay, "pinned-pw", daemon.port());
        args[args.length - 1] = "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        Running r = RelayFixture.connector(dir, clock, args);
        assertEquals(SessionEnd.HOST_KEY_REJECTED, ended(r));
        assertEquals(0, relay.waitingTunnels());
    }

    @Test
    @DisplayName("without -hostkey the relay's key is trusted on first use and remembered")
    void trustOnFirstUse() throws Exception {
        String[] args = RelayFixture.args(relay, "tofu-pass", daemon.port());
        String[] tofu = concat(java.util.Arrays.copyOf(args, args.length - 2), "-knownhosts",
                dir.resolve("known").toString(), "-verbose");
        Running r = RelayFixture.connector(dir, clock, tofu);
        await("tunnel", () -> relay.waitingTunnels() == 1);
        assertTrue(java.nio.file.Files.readString(dir.resolve("known")).contains(relay.fingerprint()));
        r.connector().interrupt();
        assertEquals(SessionEnd.INTERRUPTED, ended(r));
        assertTrue(r.logText().contains("debug: "), "-verbose writes program trace to the log");
    }

    /** The connector's end cause, waiting at most a minute so that a bug fails instead of hanging. */
    private static SessionEnd ended(Running r) throws Exception {
        try {
            return r.end().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("tndconnect did not end; its log:\n" + r.logText(), e);
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
