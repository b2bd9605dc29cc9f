package org.tollgate.lines.vpn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tollgate vpnd}: the tunnel daemon that holds the one secure connection and answers
 * {@code vpnclient} over a Unix domain socket ({@link Ipc}).
 *
 * <pre>
 * tollgate vpnd [--socket PATH] [--data-dir DIR]
 * </pre>
 * Defaults: {@code $TOLLGATE_VPN_SOCKET}, else {@code $XDG_RUNTIME_DIR/tollgate-vpnd.sock}, else
 * {@code /tmp/tollgate-vpnd-$USER.sock}; data directory {@code $TOLLGATE_VPN_DATA}, else
 * {@code ~/.tollgate/vpn} (holds {@code known_headends}, the trust-on-first-use file for head ends without a
 * pinned {@code HostKey}). The socket file is created with permissions {@code rw-------}; a stale socket file
 * from a dead daemon is replaced, a live one makes the start fail. Requests are served one at a time.
 */
public final class VpnDaemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VpnDaemon.class);

    /** Daemon settings. */
    public record Config(Path socket, Path dataDir, Clock clock) {}

    private final Config config;
    private final ServerSocketChannel server;
    private TunnelConnection connection;

    private VpnDaemon(Config config, ServerSocketChannel server) {
        this.config = config;
        this.server = server;
    }

    /** Binds the socket and starts serving on a background thread. */
    public static VpnDaemon start(Config config) throws IOException {
        Path socket = config.socket();
        if (Files.exists(socket)) {
            if (Ipc.call(socket, Map.of("cmd", "status"), java.time.Duration.ofSeconds(2)) instanceof Ipc.Reply) {
                throw new IOException("a vpnd is already running on " + socket);
            }
            Files.delete(socket);
        }
        Path parent = socket.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        if (Files.getFileStore(socket.toAbsolutePath().getParent()).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        }
        VpnDaemon d = new VpnDaemon(config, server);
        Thread.ofPlatform().name("vpnd-accept").daemon().start(d::serve);
        LOG.info("vpnd: listening on {}", socket);
        return d;
    }

    /** Entry point of {@code tollgate vpnd ARGS}; runs until the process is stopped. */
    public static int run(String[] args) {
        return run(args, System.getenv(), System.out, System.err);
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        VpnClient.Settings defaults = VpnClient.Settings.fromEnvironment(env);
        Path socket = defaults.socket();
        Path dataDir = defaults.dataDir();
        for (int i = 0; i < args.length; i++) {
            if (i + 1 < args.length && args[i].equals("--socket")) {
                socket = Path.of(args[++i]);
            } else if (i + 1 < args.length && args[i].equals("--data-dir")) {
                dataDir = Path.of(args[++i]);
            } else {
                err.println("usage: tollgate vpnd [--socket PATH] [--data-dir DIR]");
                return 2;
            }
        }
        VpnDaemon d;
        try {
            d = start(new Config(socket, dataDir, Clock.systemUTC()));
        } catch (IOException e) {
            err.println("vpnd: cannot start: " + e.getMessage());
            return 1;
        }
        out.println("vpnd: listening on " + socket);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            d.close();
            stopped.countDown();
        }, "vpnd-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private void serve() {
        while (server.isOpen()) {
            try (SocketChannel ch = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
                Map<String, String> req = Ipc.readRequest(in);
                String reply = req == null ? ReturnCode.ERR_COMMUNICATION_FAILED.code() + "\nmalformed request\n" : handle(req);
                OutputStream out = Channels.newOutputStream(ch);
                out.write(reply.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.warn("vpnd: request failed: {}", e.getMessage());
                }
            }
        }
    }

    private static String reply(ReturnCode code, String text) {
        return code.code() + "\n" + text;
    }

    private synchronized boolean connected() {
        if (connection != null && !connection.isOpen()) {
            LOG.info("vpnd: the head end closed the connection");
            connection.close();
            connection = null;
        }
        return connection != null;
    }

    synchronized String handle(Map<String, String> req) {
        String cmd = req.getOrDefault("cmd", "");
        return switch (cmd) {
            case "status" -> reply(ReturnCode.SUCCESS_STAT, connected() ? "connected\n" : "disconnected\n");
            case "connect" -> connect(req);
            case "disconnect" -> {
                if (!connected()) {
                    yield reply(ReturnCode.ERR_NOT_CONNECTED, "No connection exists.\n");
                }
                connection.close();
                connection = null;
                yield reply(ReturnCode.SUCCESS_STOP, "Disconnecting the VPN connection.\n");
            }
            case "stat" -> {
                if (!connected()) {
                    yield reply(ReturnCode.ERR_NOT_CONNECTED, "No connection exists.\n");
                }
                EnumSet<VpnCommand.Part> parts = EnumSet.noneOf(VpnCommand.Part.class);
                for (String p : req.getOrDefault("parts", "").split(",")) {
                    if (!p.isEmpty()) {
                        parts.add(VpnCommand.Part.valueOf(p));
                    }
                }
                String text = connection.stat(parts);
                if ("1".equals(req.get("reset"))) {
                    connection.counters.reset();
                    text += "Connection counters reset.\n";
                }
                yield reply(ReturnCode.SUCCESS_STAT, text);
            }
            case "notify" -> {
                if (!connected()) {
                    yield reply(ReturnCode.ERR_NOT_CONNECTED, "No connection exists.\n");
                }
                String n = connection.notice();
                yield "0\n" + (n.isBlank() ? "No notification.\n" : "Notification:\n" + n + (n.endsWith("\n") ? "" : "\n"));
            }
            default -> reply(ReturnCode.ERR_BAD_COMMAND, "unknown request\n");
        };
    }

    private String connect(Map<String, String> req) {
        if (connected()) {
            return reply(ReturnCode.ERR_DAEMON_ALREADY_RUNNING, "A VPN connection already exists.\n");
        }
        List<Route> routes = Route.parseList(req.get("routes"));
        int port;
        try {
            port = Integer.parseInt(req.getOrDefault("port", ""));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (routes == null || port < 1 || port > 65535 || req.get("host") == null) {
            return reply(ReturnCode.ERR_BAD_PARAMS, "bad connect request\n");
        }
        TunnelConnection.Request r = new TunnelConnection.Request(req.get("host"), port,
                Optional.ofNullable(req.get("hostkey")), req.getOrDefault("group", ""), req.getOrDefault("grouppwd", ""),
                req.getOrDefault("user", ""), req.getOrDefault("userpwd", ""), routes);
        return switch (TunnelConnection.open(r, config.dataDir(), config.clock())) {
            case TunnelConnection.Connected c -> {
                connection = c.connection();
                yield reply(ReturnCode.SUCCESS_START, "Your VPN connection is secure.\n");
            }
            case TunnelConnection.AuthFailed a -> {
                LOG.info("vpnd: the head end {} refused user {}", r.host(), r.user());
                yield reply(ReturnCode.ERR_TOO_MANY_TRIES, "User authentication failed.\n");
            }
            case TunnelConnection.Failed f -> {
                LOG.info("vpnd: connection to {} failed: {}", r.host(), f.reason());
                yield reply(ReturnCode.ERR_START_FAILED, "Secure VPN Connection terminated locally by the Client.\n"
                        + "Reason: " + f.reason() + "\n");
            }
        };
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
        try {
            server.close();
            Files.deleteIfExists(config.socket());
        } catch (IOException e) {
            LOG.warn("vpnd: closing: {}", e.getMessage());
        }
    }
}
