package org.tollgate.lines.relay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.tollgate.lines.relay.ConnectorLifecycle.Ended;
import org.tollgate.lines.relay.ConnectorLifecycle.Event;
import org.tollgate.lines.relay.ConnectorLifecycle.State;
import org.tollgate.lines.relay.ConnectorLifecycle.Step;
import org.tollgate.lines.tunnel.HostKeyTrust;
import org.tollgate.lines.tunnel.IdleTimer;
import org.tollgate.lines.tunnel.OtpProof;
import org.tollgate.lines.tunnel.SshTunnels;

/**
 * One {@code tndconnect} run: the customer-side connector (secure telnet spec, "tndconnect").
 *
 * <ol>
 *   <li>checks that the telnet daemon at {@code -target:-targetport} accepts connections, else ends with
 *       {@link SessionEnd#DAEMON_NOT_RUNNING};
 *   <li>opens the SSH tunnel to the relay, authenticating the relay by its host key ({@link HostKeyTrust})
 *       and itself by an {@link OtpProof} of the one-time password, then opens the tunnel channel
 *       ({@link RelayTunnel} describes its protocol);
 *   <li>when the relay signals the engineer ({@code CONNECT}), connects to the telnet daemon and pipes bytes
 *       both ways, writing every command and response to the {@link AuditLog};
 *   <li>ends on the first of the spec's causes; it is not restarted.
 * </ol>
 * The states and end causes are decided by the pure {@link ConnectorLifecycle}; this class turns I/O into its
 * events and carries out its steps. {@link #tick()} checks the idle limit and must be called periodically
 * (every second in production, by tests after advancing their clock); {@link #interrupt()} is Ctrl+C.
 */
public final class Connector {
    /** Connect timeout towards the telnet daemon. */
    static final Duration DAEMON_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How long the teardown waits for the relay to close a half-closed channel (so a notice gets through). */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final ConnectorOptions options;
    private final AuditLog audit;
    private final IdleTimer idle;
    private final CompletableFuture<SessionEnd> ended = new CompletableFuture<>();
    private final AtomicReference<Socket> daemon = new AtomicReference<>();
    private State state = new ConnectorLifecycle.Starting();
    private volatile SshClient client;
    private volatile ClientSession session;
    private volatile ChannelExec channel;
    private volatile boolean hostKeyRejected;

    Connector(ConnectorOptions options, Clock clock, AuditLog audit) {
        this.options = options;
        this.audit = audit;
        this.idle = new IdleTimer(clock, options.idle());
    }

    /** Runs the session to its end; blocks. */
    public SessionEnd run() {
        audit.event("tndconnect starting: " + options);
        try {
            runSession();
            return ended.join();
        } finally {
            closeAll();
            audit.event("tndconnect ended: " + ended.join().description());
        }
    }

    /** Checks the idle limit; ends the session when it has passed. */
    public void tick() {
        if (idle.isExpired()) {
            fire(new ConnectorLifecycle.IdleExpired());
        }
    }

    /** Ctrl+C: ends the session. */
    public void interrupt() {
        fire(new ConnectorLifecycle.Interrupted());
    }

    /** The current lifecycle state. */
    synchronized State state() {
        return state;
    }

    /** Applies one event; on the transition to {@link Ended} records the cause and tears down. */
    private void fire(Event event) {
        Step step;
        synchronized (this) {
            if (state instanceof Ended) {
                return;
            }
            step = ConnectorLifecycle.next(state, event);
            state = step.next();
        }
        if (step.next() instanceof Ended e) {
            ended.complete(e.cause());
            teardown(e.cause(), step.tellEngineer());
        }
    }

    private void runSession() {
        InetSocketAddress target = new InetSocketAddress(options.target(), options.targetPort());
        try (Socket probe = new Socket()) {
            probe.connect(target, (int) DAEMON_CONNECT_TIMEOUT.toMillis());
            refuseSelfConnect(probe);
            audit.debug("telnet daemon at " + options.target() + ":" + options.targetPort() + " is running");
        } catch (IOException e) {
            audit.event("error: the telnet daemon at " + options.target() + ":" + options.targetPort()
                    + " is not running (" + e.getMessage() + ")");
            fire(new ConnectorLifecycle.DaemonNotRunning());
            return;
        }
        if (!openTunnel() || ended.isDone()) {
            return;
        }
        idle.touch();
        fire(new ConnectorLifecycle.TunnelUp());
        if (ended.isDone()) {
            return;
        }
        audit.event("tunnel up to relay " + options.host() + ":" + options.port() + ", waiting for the engineer");
        try {
            InputStream fromRelay = channel.getInvertedOut();
            OutputStream toRelay = channel.getInvertedIn();
            String line = EngineerSession.readAsciiLine(fromRelay);
            if (line == null) {
                fire(new ConnectorLifecycle.RelayClosed(exitStatus()));
                return;
            }
            if (!line.equals("CONNECT")) {
                audit.event("error: unexpected message from the relay");
                fire(new ConnectorLifecycle.IoFailed());
                return;
            }
            idle.touch();
            audit.event("engineer connected; opening the telnet daemon at " + options.target() + ":"
                    + options.targetPort());
            Socket d = new Socket();
            try {
                d.connect(target, (int) DAEMON_CONNECT_TIMEOUT.toMillis());
                refuseSelfConnect(d);
            } catch (IOException e) {
                d.close();
                audit.event("error: the telnet daemon is not running (" + e.getMessage() + ")");
                toRelay.write(("ERR the telnet daemon at " + options.target() + " is not running\n")
                        .getBytes(StandardCharsets.US_ASCII));
                toRelay.flush();
                fire(new ConnectorLifecycle.DaemonUnavailable());
                return;
            }
            daemon.set(d);
            toRelay.write("OK\n".getBytes(StandardCharsets.US_ASCII));
            toRelay.flush();
            fire(new ConnectorLifecycle.EngineerJoined());
            if (!ended.isDone()) {
                pipe(d, fromRelay, toRelay);
            }
        } catch (IOException e) {
            audit.debug("tunnel I/O failed: " + e.getMessage());
            fire(new ConnectorLifecycle.IoFailed());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fire(new ConnectorLifecycle.Interrupted());
        }
    }

    private boolean openTunnel() {
        byte[] key = OtpProof.deriveKey(options.password().toCharArray());
        HostKeyTrust trust = options.hostKey().<HostKeyTrust>map(HostKeyTrust.Pinned::new)
                .orElseGet(() -> new HostKeyTrust.TrustOnFirstUse(options.knownHosts()));
        String hostPort = options.host() + ":" + options.port();
        client = SshTunnels.newClient();
        client.setServerKeyVerifier((s, addr, presented) -> {
            try {
                return switch (trust.verify(hostPort, presented)) {
                    case HostKeyTrust.Trusted t -> {
                        audit.debug("relay host key " + t.fingerprint() + " matches");
                        yield true;
                    }
                    case HostKeyTrust.TrustedOnFirstUse t -> {
                        audit.event("warning: first connection to " + hostPort + "; trusting its host key "
                                + t.fingerprint() + " (recorded in " + t.file() + ")");
                        yield true;
                    }
                    case HostKeyTrust.Mismatch m -> {
                        audit.event("error: the relay's host key " + m.fingerprint() + " does not match "
                                + m.expected());
                        hostKeyRejected = true;
                        yield false;
                    }
                };
            } catch (IOException e) {
                audit.event("error: cannot read or write " + options.knownHosts() + ": " + e.getMessage());
                hostKeyRejected = true;
                return false;
            }
        });
        client.setPasswordIdentityProvider(ctx -> List.of(OtpProof.proveHex(key, ctx.getSessionId())));
        try {
            audit.debug("connecting to relay " + hostPort);
            session = client.connect(RelayServer.CONNECTOR_USER, options.host(), options.port())
                    .verify(SshTunnels.CONNECT_TIMEOUT).getSession();
        } catch (IOException e) {
            audit.event("error: cannot reach the relay " + hostPort + " (" + e.getMessage() + ")");
            fire(new ConnectorLifecycle.TunnelFailed(
                    hostKeyRejected ? SessionEnd.HOST_KEY_REJECTED : SessionEnd.RELAY_UNREACHABLE));
            return false;
        }
        try {
            session.auth().verify(SshTunnels.CONNECT_TIMEOUT);
        } catch (IOException e) {
            if (!hostKeyRejected) {
                audit.event("error: the relay refused the one-time password (already used or invalid)");
            }
            fire(new ConnectorLifecycle.TunnelFailed(
                    hostKeyRejected ? SessionEnd.HOST_KEY_REJECTED : SessionEnd.REFUSED));
            return false;
        }
        session.addSessionListener(new SessionListener() {
            @Override
            public void sessionClosed(Session s) {
                fire(new ConnectorLifecycle.RelayClosed(null));
            }
        });
        try {
            ChannelExec ch = session.createExecChannel(RelayTunnel.COMMAND);
            ch.open().verify(SshTunnels.CONNECT_TIMEOUT);
            channel = ch;
            audit.debug("tunnel channel open");
            return true;
        } catch (IOException e) {
            audit.event("error: the relay refused the tunnel channel (" + e.getMessage() + ")");
            fire(new ConnectorLifecycle.TunnelFailed(SessionEnd.REFUSED));
            return false;
        }
    }

    /**
     * A connect to a local port nobody listens on can succeed as a TCP "simultaneous open" with itself when
     * the kernel picks the destination port as the source port; that is not a daemon.
     */
    private static void refuseSelfConnect(Socket s) throws IOException {
        if (s.getLocalPort() == s.getPort() && s.getLocalAddress().equals(s.getInetAddress())) {
            throw new IOException("Connection refused (self-connect)");
        }
    }

    /** After EOF from the relay: the channel's exit status (see {@link RelayTunnel}), or null when none came. */
    private Integer exitStatus() {
        channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED, ClientChannelEvent.EXIT_STATUS), CLOSE_WAIT);
        return channel.getExitStatus();
    }

    private void pipe(Socket d, InputStream fromRelay, OutputStream toRelay) throws InterruptedException {
        TelnetTranscript responses = new TelnetTranscript(audit::response);
        TelnetTranscript commands = new TelnetTranscript(line -> audit.command(
                isPasswordPrompt(responses.pendingLine()) ? "******** (password not logged)" : line));
        Thread down = Thread.ofVirtual().name("tndconnect-to-daemon").start(() -> {
            byte[] buf = new byte[8192];
            try {
                OutputStream toDaemon = d.getOutputStream();
                int n;
                while ((n = fromRelay.read(buf)) >= 0) {
                    idle.touch();
                    commands.feed(buf, 0, n);
                    toDaemon.write(buf, 0, n);
                    toDaemon.flush();
                }
                commands.flush();
                fire(new ConnectorLifecycle.RelayClosed(exitStatus()));
            } catch (IOException e) {
                commands.flush();
                fire(new ConnectorLifecycle.IoFailed());
            }
        });
        Thread up = Thread.ofVirtual().name("tndconnect-from-daemon").start(() -> {
            byte[] buf = new byte[8192];
            try {
                InputStream fromDaemon = d.getInputStream();
                int n;
                while ((n = fromDaemon.read(buf)) >= 0) {
                    idle.touch();
                    responses.feed(buf, 0, n);
                    toRelay.write(buf, 0, n);
                    toRelay.flush();
                }
                responses.flush();
                fire(new ConnectorLifecycle.DaemonClosed());
            } catch (IOException e) {
                responses.flush();
                fire(new ConnectorLifecycle.IoFailed());
            }
        });
        ended.join();
        closeAll();
        down.join();
        up.join();
    }

    /**
     * True when the daemon's current unfinished line asks for a password (IOS {@code Password:}, {@code Enable
     * password:}, {@code Secret:}): the engineer's next line is then kept out of the audit trail.
     */
    static boolean isPasswordPrompt(String pendingResponse) {
        String p = pendingResponse.strip().toLowerCase(Locale.ROOT);
        return p.endsWith("password:") || p.endsWith("secret:") || p.endsWith("passcode:");
    }

    /**
     * Tears the session down after the lifecycle ended. When the engineer must be told (idle timeout or Ctrl+C
     * during a session) the notice is written and the channel half-closed (EOF), so that the relay forwards it
     * before it closes the channel; {@link #closeAll()} waits for that close. Safe on any thread, including
     * MINA's I/O threads: nothing here blocks.
     */
    private void teardown(SessionEnd cause, boolean tellEngineer) {
        ChannelExec ch = channel;
        if (tellEngineer && ch != null) {
            try {
                OutputStream toRelay = ch.getInvertedIn();
                toRelay.write(("\r\n% tndconnect: " + cause.description() + "\r\n").getBytes(StandardCharsets.US_ASCII));
                toRelay.flush();
                toRelay.close();
                closeDaemon();
                return;
            } catch (IOException e) {
                audit.debug("could not tell the engineer: " + e.getMessage());
            }
        }
        closeStreams();
    }

    /** Unblocks every reader without waiting. */
    private void closeStreams() {
        closeDaemon();
        ChannelExec ch = channel;
        if (ch != null) {
            ch.close(false);
        }
    }

    private void closeDaemon() {
        Socket d = daemon.getAndSet(null);
        if (d != null) {
            try {
                d.close();
            } catch (IOException e) {
                audit.debug("closing the daemon connection: " + e.getMessage());
            }
        }
    }

    /** Full teardown, on the thread running {@link #run()}. */
    private void closeAll() {
        ChannelExec ch = channel;
        ClientSession open = session;
        if (ch != null && open != null && open.isOpen()) {
            ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), CLOSE_WAIT);
        }
        closeStreams();
        ClientSession s = session;
        if (s != null) {
            s.close(false);
        }
        SshClient c = client;
        if (c != null) {
            c.stop();
        }
    }
}
