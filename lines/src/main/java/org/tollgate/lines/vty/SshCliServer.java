package org.tollgate.lines.vty;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.config.cli.CliEnvironment;
import org.tollgate.config.cli.CommandTree;
import org.tollgate.config.cli.ConfigFacts;
import org.tollgate.lines.exec.ExecSession;
import org.tollgate.lines.exec.ExecTerminal;
import org.tollgate.lines.exec.LineTable;
import org.tollgate.lines.exec.LoginMode;
import org.tollgate.lines.ssh.StreamCommand;

/**
 * The {@code line vty} SSH server (Apache MINA SSHD): password authentication against the
 * {@code username} entries of the running configuration, a host key generated once and kept under
 * the data directory, and a shell channel running the same {@link ExecSession} as telnet (already
 * authenticated, so no second login). Only the shell is offered: no exec, subsystems or forwarding.
 */
public final class SshCliServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SshCliServer.class);

    private final SshServer sshd;

    private SshCliServer(SshServer sshd) {
        this.sshd = sshd;
    }

    /**
     * Starts listening on {@code host:port} (port 0 = ephemeral).
     *
     * @param hostKey file holding the server's host key (created on first start)
     */
    public static SshCliServer start(CliEnvironment env, CommandTree tree, LineTable lines,
                                     Supplier<VtyPolicy> policy, String host, int port, Path hostKey)
            throws IOException {
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost(host);
        sshd.setPort(port);
        sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKey));
        PasswordAuthenticator auth = (user, password, session) -> {
            boolean ok = policy.get().ssh() && ConfigFacts.user(env.config().get(), user)
                    .map(u -> u.secret().matches(password)).orElse(false);
            if (!ok) {
                log.info("SSH login failed for user '{}' from {}", user, session.getClientAddress());
            }
            return ok;
        };
        sshd.setPasswordAuthenticator(auth);
        sshd.setPublickeyAuthenticator(null);
        sshd.setShellFactory(channel -> new Shell(env, tree, lines, policy));
        sshd.start();
        log.info("SSH server listening on {}:{}", host, sshd.getPort());
        return new SshCliServer(sshd);
    }

    public int port() {
        return sshd.getPort();
    }

    @Override
    public void close() throws IOException {
        sshd.stop(true);
    }

    /** One shell channel: an EXEC session on a virtual thread. */
    private static final class Shell extends StreamCommand {
        private final CliEnvironment env;
        private final CommandTree tree;
        private final LineTable lines;
        private final Supplier<VtyPolicy> policy;
        private volatile ChannelSession channel;

        Shell(CliEnvironment env, CommandTree tree, LineTable lines, Supplier<VtyPolicy> policy) {
            this.env = env;
            this.tree = tree;
            this.lines = lines;
            this.policy = policy;
        }

        @Override
        public void start(ChannelSession channel, Environment environment) {
            this.channel = channel;
            String user = channel.getSession().getUsername();
            String peer = channel.getSession().getClientAddress() instanceof java.net.InetSocketAddress isa
                    ? isa.getAddress().getHostAddress() : String.valueOf(channel.getSession().getClientAddress());
            int width = intEnv(environment, Environment.ENV_COLUMNS, 80);
            int height = intEnv(environment, Environment.ENV_LINES, 24);
            Thread.ofVirtual().name("ssh-" + peer).start(() -> {
                VtyPolicy p = policy.get();
                Optional<LineTable.Slot> slot = lines.claimVty(p.base(), p.first(), p.last(), peer);
                if (slot.isEmpty()) {
                    log.info("SSH from {} refused: all vty lines in use", peer);
                    try {
                        out().write("% No free vty line\r\n".getBytes(StandardCharsets.US_ASCII));
                        out().flush();
                    } catch (IOException e) {
                        log.debug("ssh {}: {}", peer, e.toString());
                    }
                    exit(1);
                    return;
                }
                ExecTerminal terminal = new ExecTerminal() {
                    @Override
                    public InputStream input() {
                        return in();
                    }

                    @Override
                    public OutputStream output() {
                        return out();
                    }

                    @Override
                    public int width() {
                        return width;
                    }

                    @Override
                    public int height() {
                        return height;
                    }

                    @Override
                    public String location() {
                        return peer;
                    }

                    @Override
                    public void close() {
                        exit(0);
                    }
                };
                slot.get().idleTimeout(p.execTimeout(), terminal::close);
                new ExecSession(env, tree, terminal, slot.get(), new LoginMode.Authenticated(user), false).run();
            });
        }

        private static int intEnv(Environment env, String name, int dflt) {
            try {
                String v = env.getEnv().get(name);
                return v == null ? dflt : Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                return dflt;
            }
        }

        @Override
        public void destroy(ChannelSession channel) {
            try {
                in().close();
            } catch (IOException e) {
                log.debug("closing ssh channel input: {}", e.toString());
            }
        }
    }
}
