package org.tollgate.lines.vpn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelDirectTcpip;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.lines.tunnel.HostKeyTrust;
import org.tollgate.lines.tunnel.SshTunnels;

/**
 * The daemon's one secure connection to a head end ({@code tollgate relayapp --vpn-accounts}): an SSH
 * session authenticated as {@code vpn:<group>:<user>}, the profile's routes listening on 127.0.0.1 and
 * forwarded as direct-tcpip channels, the administrator's notice, and the traffic counters.
 */
final class TunnelConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TunnelConnection.class);
    /** The head end's exec command returning its notice (see {@code RelayServer}). */
    static final String NOTICE_COMMAND = "tollgate-notice";

    /** What the daemon needs to connect. */
    record Request(String host, int port, Optional<String> hostKey, String group, String groupPassword, String user,
            String userPassword, List<Route> routes) {
        @Override
        public String toString() {
            return "Request[" + host + ":" + port + ", group=" + group + ", user=" + user + ", routes=" + routes + "]";
        }
    }

    /** Outcome of opening. */
    sealed interface Opened {}

    record Connected(TunnelConnection connection) implements Opened {}

    /** The head end refused the group or user credentials. */
    record AuthFailed() implements Opened {}

    /** Any other failure (unreachable, host key mismatch, route port busy). */
    record Failed(String reason) implements Opened {}

    private final Request request;
    private final SshClient client;
    private final ClientSession session;
    private final String fingerprint;
    private final String notice;
    private final Instant since;
    private final Clock clock;
    final TrafficCounters counters = new TrafficCounters();
    private final List<ServerSocket> listeners = new ArrayList<>();

    private TunnelConnection(Request request, SshClient client, ClientSession session, String fingerprint,
            String notice, Clock clock) {
        this.request = request;
        this.client = client;
        this.session = session;
        this.fingerprint = fingerprint;
        this.notice = notice;
        this.clock = clock;
        this.since = clock.instant();
    }

    static Opened open(Request r, Path dataDir, Clock clock) {
        HostKeyTrust trust = r.hostKey().<HostKeyTrust>map(HostKeyTrust.Pinned::new)
                .orElseGet(() -> new HostKeyTrust.TrustOnFirstUse(dataDir.resolve("known_headends")));
        String hostPort = r.host() + ":" + r.port();
        String[] seen = new String[1];
        boolean[] rejected = new boolean[1];
        SshClient client = SshTunnels.newClient();
        client.setServerKeyVerifier((s, addr, key) -> {
            try {
                HostKeyTrust.Verdict v = trust.verify(hostPort, key);
                seen[0] = v.fingerprint();
                rejected[0] = v instanceof HostKeyTrust.Mismatch;
                return !rejected[0];
            } catch (IOException e) {
                rejected[0] = true;
                return false;
            }
        });
        ClientSession session;
        try {
            session = client.connect("vpn:" + r.group() + ":" + r.user(), r.host(), r.port())
                    .verify(SshTunnels.CONNECT_TIMEOUT).getSession();
        } catch (IOException e) {
            client.stop();
            return new Failed(rejected[0] ? "the head end's host key does not match"
                    : "cannot reach the head end " + hostPort + ": " + e.getMessage());
        }
        session.addPasswordIdentity(r.groupPassword() + "\n" + r.userPassword());
        try {
            session.auth().verify(SshTunnels.CONNECT_TIMEOUT);
        } catch (IOException e) {
            session.close(true);
            client.stop();
            if (rejected[0]) {
                return new Failed("the head end's host key does not match");
            }
            return new AuthFailed();
        }
        String notice;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            session.executeRemoteCommand(NOTICE_COMMAND, out, out, StandardCharsets.UTF_8);
            notice = out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            notice = "";
        }
        TunnelConnection c = new TunnelConnection(r, client, session, seen[0], notice, clock);
        for (Route route : r.routes()) {
            try {
                c.listen(route);
            } catch (IOException e) {
                c.close();
                return new Failed("cannot listen on 127.0.0.1:" + route.localPort() + ": " + e.getMessage());
            }
        }
        LOG.info("vpnd: connected to {} as {} in group {} ({} routes)", hostPort, r.user(), r.group(), r.routes().size());
        return new Connected(c);
    }

    private void listen(Route route) throws IOException {
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), route.localPort()));
        listeners.add(ss);
        Thread.ofVirtual().name("vpnd-route-" + route.localPort()).start(() -> {
            while (!ss.isClosed()) {
                try {
                    Socket s = ss.accept();
                    Thread.ofVirtual().start(() -> forward(s, route));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private void forward(Socket socket, Route route) {
        ChannelDirectTcpip ch;
        try {
            ch = session.createDirectTcpipChannel(new SshdSocketAddress("127.0.0.1", route.localPort()),
                    new SshdSocketAddress(route.host(), route.port()));
            ch.open().verify(SshTunnels.CONNECT_TIMEOUT);
        } catch (IOException e) {
            counters.discarded.incrementAndGet();
            LOG.info("vpnd: head end refused the route {}: {}", route, e.getMessage());
            closeQuietly(socket);
            return;
        }
        Thread up = Thread.ofVirtual().start(() -> {
            byte[] buf = new byte[16384];
            // closing toTunnel sends SSH EOF (half-close); the socket itself stays open for the answer
            try (OutputStream toTunnel = ch.getInvertedIn()) {
                InputStream in = socket.getInputStream();
                int n;
                while ((n = in.read(buf)) >= 0) {
                    toTunnel.write(buf, 0, n);
                    toTunnel.flush();
                    counters.bytesOut.addAndGet(n);
                    counters.encrypted.incrementAndGet();
                }
            } catch (IOException e) {
                LOG.debug("vpnd: route {} outbound ended: {}", route, e.getMessage());
            }
        });
        byte[] buf = new byte[16384];
        try {
            InputStream fromTunnel = ch.getInvertedOut();
            OutputStream out = socket.getOutputStream();
            int n;
            while ((n = fromTunnel.read(buf)) >= 0) {
                out.write(buf, 0, n);
                out.flush();
                counters.bytesIn.addAndGet(n);
                counters.decrypted.incrementAndGet();
            }
            socket.shutdownOutput();
            up.join();
        } catch (IOException e) {
            LOG.debug("vpnd: route {} inbound ended: {}", route, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ch.close(false);
            closeQuietly(socket);
        }
    }

    boolean isOpen() {
        return session.isOpen();
    }

    String notice() {
        return notice;
    }

    /** The {@code stat} report for the requested parts. */
    String stat(java.util.Set<VpnCommand.Part> parts) {
        StringBuilder sb = new StringBuilder();
        if (parts.contains(VpnCommand.Part.TUNNEL)) {
            sb.append("VPN tunnel information.\n")
                    .append("Server address: ").append(request.host()).append(':').append(request.port()).append('\n')
                    .append("Server host key: ").append(fingerprint).append('\n')
                    .append("Group: ").append(request.group()).append('\n')
                    .append("User: ").append(request.user()).append('\n')
                    .append("Key exchange: ").append(session.getNegotiatedKexParameter(KexProposalOption.ALGORITHMS)).append('\n')
                    .append("Encryption: ").append(session.getNegotiatedKexParameter(KexProposalOption.C2SENC)).append('\n')
                    .append("Authentication: ").append(session.getNegotiatedKexParameter(KexProposalOption.C2SMAC)).append('\n')
                    .append("IP Compression: None\n\n");
        }
        if (parts.contains(VpnCommand.Part.TRAFFIC)) {
            long secs = java.time.Duration.between(since, clock.instant()).toSeconds();
            sb.append("VPN traffic summary.\n")
                    .append(String.format("Time connected: %d day(s), %02d:%02d.%02d%n", secs / 86400, secs / 3600 % 24,
                            secs / 60 % 60, secs % 60))
                    .append("Bytes in: ").append(counters.bytesIn.get()).append('\n')
                    .append("Bytes out: ").append(counters.bytesOut.get()).append('\n')
                    .append("Packets encrypted: ").append(counters.encrypted.get()).append('\n')
                    .append("Packets decrypted: ").append(counters.decrypted.get()).append('\n')
                    .append("Packets bypassed: ").append(counters.bypassed.get()).append('\n')
                    .append("Packets discarded: ").append(counters.discarded.get()).append("\n\n");
        }
        if (parts.contains(VpnCommand.Part.ROUTE)) {
            sb.append("Configured routes:\n");
            sb.append("Secured  Local              Remote\n");
            for (Route r : request.routes()) {
                sb.append(String.format("  yes    127.0.0.1:%-8d   %s:%d%n", r.localPort(), r.host(), r.port()));
            }
            sb.append('\n');
        }
        if (parts.contains(VpnCommand.Part.FIREWALL)) {
            sb.append("Firewall Policy: none (no stateful firewall on this platform)\n\n");
        }
        return sb.toString();
    }

    @Override
    public void close() {
        for (ServerSocket ss : listeners) {
            closeQuietly(ss);
        }
        session.close(true);
        client.stop();
        LOG.info("vpnd: disconnected from {}:{}", request.host(), request.port());
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            LOG.debug("close: {}", e.getMessage());
        }
    }
}
