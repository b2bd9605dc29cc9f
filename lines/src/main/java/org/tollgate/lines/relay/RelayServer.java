package org.tollgate.lines.relay;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.forward.ForwardingFilter;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.forward.TcpForwardingFilter;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.lines.ssh.StreamCommand;
import org.tollgate.lines.tunnel.OtpProof;
import org.tollgate.lines.tunnel.SshTunnels;

/**
 * The relay ({@code relayapp}): an SSH server for the connectors' tunnels and a plain TCP (telnet) listener
 * for the support engineers, joined by one-time password ({@link TunnelRegistry}). Multi-user: any number of
 * tunnels and engineers at once, each engineer on its own virtual thread.
 *
 * <p>Optionally also the head end of the tunnel client ({@code vpnd}/{@code vpnclient}): with
 * {@link Config#vpnAccounts()} set, SSH users named {@code vpn:<group>:<user>} authenticate with
 * {@code <group password>\n<user password>} and may open direct-tcpip channels (the profile's forwarded
 * routes) and the {@value #NOTICE_COMMAND} exec channel, which returns the administrator's notice. Connector
 * sessions (user {@value #CONNECTOR_USER}) may open only the {@value RelayTunnel#COMMAND} channel. No shell,
 * no remote forwarding, no agent or X11 forwarding for anyone.
 */
public final class RelayServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RelayServer.class);
    /** SSH user name of tndconnect sessions. */
    public static final String CONNECTOR_USER = "tndconnect";
    /** SSH user name prefix of tunnel-client sessions: {@code vpn:<group>:<user>}. */
    public static final String VPN_USER_PREFIX = "vpn:";
    /** Exec command returning the administrator's notice. */
    public static final String NOTICE_COMMAND = "tollgate-notice";

    private static final AttributeKey<String> ROLE = new AttributeKey<>();

    /**
     * Relay settings.
     *
     * @param telnetListen engineers' telnet address (default {@code 0.0.0.0:2323})
     * @param tunnelListen connectors' SSH address (default {@code 0.0.0.0:23}, tndconnect's default port)
     * @param hostKeyFile the persisted host key (default {@code relayapp-hostkey.ser}), created on first start
     * @param promptTimeout how long an engineer may take to type the password (default 60 s)
     * @param vpnAccounts tunnel-client accounts, when this relay is also a head end
     * @param vpnNotice the administrator's notice for {@code vpnclient notify} (default empty)
     */
    public record Config(InetSocketAddress telnetListen, InetSocketAddress tunnelListen, Path hostKeyFile,
            Duration promptTimeout, Optional<VpnAccounts> vpnAccounts, String vpnNotice) {}

    private final Config config;
    private final TunnelRegistry registry = new TunnelRegistry();
    private final SshServer ssh;
    private final SshTunnels.HostKey hostKey;
    private final ServerSocket telnet;
    private final Set<Socket> engineers = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private RelayServer(Config config) throws IOException {
        this.config = config;
        this.hostKey = SshTunnels.HostKey.load(config.hostKeyFile());
        this.ssh = SshTunnels.newServer(hostKey);
        ssh.setHost(config.tunnelListen().getHostString());
        ssh.setPort(config.tunnelListen().getPort());
        ssh.setPasswordAuthenticator(this::authenticate);
        ssh.setCommandFactory((channel, command) -> switch (roleOf(channel.getServerSession()) + " " + command) {
            case "connector " + RelayTunnel.COMMAND -> new RelayTunnel(registry);
            case "vpn " + NOTICE_COMMAND -> new NoticeCommand(config.vpnNotice());
            default -> throw new IOException("command not allowed: " + command);
        });
        ssh.setForwardingFilter(ForwardingFilter.asForwardingFilter(RejectAllForwardingFilter.INSTANCE,
                RejectAllForwardingFilter.INSTANCE, new TcpForwardingFilter() {
                    @Override
                    public boolean canListen(SshdSocketAddress address, Session session) {
                        return false;
                    }

                    @Override
                    public boolean canConnect(Type type, SshdSocketAddress address, Session session) {
                        return type == Type.Direct && "vpn".equals(session.getAttribute(ROLE));
                    }
                }));
        ssh.start();
        try {
            this.telnet = new ServerSocket();
            telnet.bind(config.telnetListen());
        } catch (IOException e) {
            ssh.stop(true);
            throw e;
        }
        this.acceptor = Thread.ofPlatform().name("relay-telnet-accept").daemon().start(this::acceptLoop);
        LOG.info("relay: engineers' telnet on {}, tunnels (SSH) on {}:{}, host key {}",
                telnet.getLocalSocketAddress(), config.tunnelListen().getHostString(), ssh.getPort(),
                hostKey.fingerprint());
    }

    /** Starts the relay. */
    public static RelayServer start(Config config) throws IOException {
        return new RelayServer(config);
    }

    public int telnetPort() {
        return telnet.getLocalPort();
    }

    public int tunnelPort() {
        return ssh.getPort();
    }

    /** The host key fingerprint connectors pin ({@code tndconnect -hostkey}). */
    public String fingerprint() {
        return hostKey.fingerprint();
    }

    /** Tunnels waiting for their engineer. */
    public int waitingTunnels() {
        return registry.waitingCount();
    }

    private static String roleOf(ServerSession session) {
        String role = session.getAttribute(ROLE);
        return role == null ? "none" : role;
    }

    private boolean authenticate(String user, String password, ServerSession session) {
        if (CONNECTOR_USER.equals(user)) {
            byte[] proof = OtpProof.parseHex(password);
            if (proof == null) {
                LOG.warn("relay: connector {} sent a malformed proof", session.getRemoteAddress());
                return false;
            }
            if (registry.isFull()) {
                LOG.warn("relay: connector {} refused: {} tunnels already waiting", session.getRemoteAddress(),
                        TunnelRegistry.MAX_WAITING);
                return false;
            }
            if (registry.isReplay(session.getSessionId(), proof)) {
                LOG.warn("relay: connector {} refused: one-time password already used", session.getRemoteAddress());
                return false;
            }
            session.setAttribute(RelayTunnel.PROOF, proof);
            session.setAttribute(ROLE, "connector");
            LOG.info("relay: tunnel from {} authenticated, waiting for its engineer", session.getRemoteAddress());
            return true;
        }
        if (user.startsWith(VPN_USER_PREFIX) && config.vpnAccounts().isPresent()) {
            String[] gu = user.substring(VPN_USER_PREFIX.length()).split(":", 2);
            int nl = password.indexOf('\n');
            boolean ok = gu.length == 2 && nl >= 0 && config.vpnAccounts().get().verify(gu[0], gu[1],
                    password.substring(0, nl), password.substring(nl + 1));
            LOG.info("relay: tunnel client {} user {} group {} {}", session.getRemoteAddress(),
                    gu.length == 2 ? gu[1] : "?", gu[0], ok ? "authenticated" : "refused");
            if (ok) {
                session.setAttribute(ROLE, "vpn");
            }
            return ok;
        }
        return false;
    }

    private void acceptLoop() {
        while (!telnet.isClosed()) {
            try {
                Socket s = telnet.accept();
                engineers.add(s);
                Thread.ofVirtual().name("relay-engineer").start(() -> {
                    try {
                        new EngineerSession(s, registry, config.promptTimeout()).run();
                    } finally {
                        engineers.remove(s);
                    }
                });
            } catch (IOException e) {
                if (!telnet.isClosed()) {
                    LOG.warn("relay: accept failed: {}", e.getMessage());
                }
            }
        }
    }

    /** Ends the relay: every waiting tunnel is told it is shutting down, every engineer is disconnected. */
    @Override
    public void close() throws IOException {
        try {
            telnet.close();
            for (RelayTunnel t : registry.live()) {
                t.close(RelayTunnel.EXIT_RELAY_SHUTDOWN);
            }
            for (Socket s : engineers) {
                s.close();
            }
        } finally {
            ssh.stop(false);
            LOG.info("relay: stopped");
        }
    }

    /** {@value #NOTICE_COMMAND}: writes the notice and exits. */
    private static final class NoticeCommand extends StreamCommand {
        private final String notice;

        NoticeCommand(String notice) {
            this.notice = notice;
        }

        @Override
        public void start(ChannelSession channel, Environment env) throws IOException {
            out().write(notice.getBytes(StandardCharsets.UTF_8));
            out().flush();
            exit(0);
        }

        @Override
        public void destroy(ChannelSession channel) {
            // nothing held
        }
    }
}
