package org.tollgate.lines.vty;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.config.cli.CliEnvironment;
import org.tollgate.config.cli.CommandTree;
import org.tollgate.lines.exec.ExecSession;
import org.tollgate.lines.exec.ExecTerminal;
import org.tollgate.lines.exec.LineTable;

/**
 * The {@code line vty} telnet server: accepts TCP connections, negotiates TELNET options
 * ({@link TelnetCodec}) and runs an {@link ExecSession} per connection on a virtual thread.
 *
 * <p>A connection is refused with an IOS-like message when every vty of the configured range is in
 * use, or when {@code transport input} on the vty lines does not include telnet. The vty policy is
 * read from the running configuration at each accept, so configuration changes apply to the next
 * connection.
 */
public final class TelnetServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelnetServer.class);

    private final CliEnvironment env;
    private final CommandTree tree;
    private final LineTable lines;
    private final Supplier<VtyPolicy> policy;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private TelnetServer(CliEnvironment env, CommandTree tree, LineTable lines, Supplier<VtyPolicy> policy,
                         ServerSocket server) {
        this.env = env;
        this.tree = tree;
        this.lines = lines;
        this.policy = policy;
        this.server = server;
        this.acceptor = Thread.ofVirtual().name("telnet-accept").unstarted(this::acceptLoop);
    }

    /** Binds {@code address:port} (port 0 = ephemeral) and starts accepting. */
    public static TelnetServer start(CliEnvironment env, CommandTree tree, LineTable lines,
                                     Supplier<VtyPolicy> policy, InetAddress address, int port) throws IOException {
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        ss.bind(new InetSocketAddress(address, port));
        TelnetServer t = new TelnetServer(env, tree, lines, policy, ss);
        t.acceptor.start();
        log.info("telnet server listening on {}", ss.getLocalSocketAddress());
        return t;
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread.ofVirtual().name("telnet-" + s.getRemoteSocketAddress()).start(() -> serve(s));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    log.warn("telnet accept failed: {}", e.toString());
                }
            }
        }
    }

    private void serve(Socket socket) {
        open.add(socket);
        String peer = socket.getInetAddress().getHostAddress();
        try {
            socket.setTcpNoDelay(true);
            VtyPolicy p = policy.get();
            OutputStream raw = socket.getOutputStream();
            if (!p.telnet()) {
                log.info("telnet from {} refused: transport input excludes telnet", peer);
                raw.write("% Connection refused by remote host\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            Optional<LineTable.Slot> slot = lines.claimVty(p.base(), p.first(), p.last(), peer);
            if (slot.isEmpty()) {
                log.info("telnet from {} refused: all vty lines in use", peer);
                raw.write("% Connection refused by remote host: no free vty line\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                return;
            }
            TelnetCodec codec = new TelnetCodec(socket.getInputStream(), raw);
            codec.start();
            ExecTerminal terminal = new ExecTerminal() {
                @Override
                public InputStream input() {
                    return codec.input();
                }

                @Override
                public OutputStream output() {
                    return codec.output();
                }

                @Override
                public int width() {
                    return codec.width();
                }

                @Override
                public int height() {
                    return codec.height();
                }

                @Override
                public String location() {
                    return peer;
                }

                @Override
                public void close() {
                    closeQuietly(socket);
                }
            };
            slot.get().idleTimeout(p.execTimeout(), terminal::close);
            new ExecSession(env, tree, terminal, slot.get(), p.login(), false).run();
        } catch (SocketException e) {
            log.debug("telnet {}: {}", peer, e.toString());
        } catch (IOException e) {
            log.info("telnet session from {} failed: {}", peer, e.toString());
        } finally {
            closeQuietly(socket);
            open.remove(socket);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            log.debug("closing {}: {}", s, e.toString());
        }
    }

    /** Stops accepting and closes every open session. */
    @Override
    public void close() throws IOException {
        server.close();
        open.forEach(TelnetServer::closeQuietly);
    }
}
