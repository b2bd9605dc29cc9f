package org.tollgate.lines.relay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code tollgate relayapp}: runs the relay until interrupted.
 *
 * <pre>
 * tollgate relayapp [--listen ADDR:PORT] [--tunnel-listen ADDR:PORT] [--host-key FILE]
 *                   [--prompt-timeout SECONDS] [--vpn-accounts FILE] [--vpn-notice FILE]
 * tollgate relayapp --hash-password      (reads a password on standard input, prints its hash)
 * </pre>
 * Defaults: {@code --listen 0.0.0.0:2323} (engineers' telnet), {@code --tunnel-listen 0.0.0.0:23}
 * (tndconnect's default {@code -port}), {@code --host-key relayapp-hostkey.ser}, prompt timeout 60 s.
 * Exit status 0 after a clean stop, 1 when it cannot start, 2 on a command-line error.
 */
public final class RelayApp {
    private RelayApp() {}

    static final String USAGE = """
            usage: tollgate relayapp [--listen ADDR:PORT] [--tunnel-listen ADDR:PORT] [--host-key FILE]
                                     [--prompt-timeout SECONDS] [--vpn-accounts FILE] [--vpn-notice FILE]
                   tollgate relayapp --hash-password""";

    /** Entry point of {@code tollgate relayapp ARGS}; returns the exit status. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        InetSocketAddress listen = new InetSocketAddress("0.0.0.0", 2323);
        InetSocketAddress tunnel = new InetSocketAddress("0.0.0.0", 23);
        Path hostKey = Path.of("relayapp-hostkey.ser");
        Duration promptTimeout = Duration.ofSeconds(60);
        Optional<VpnAccounts> accounts = Optional.empty();
        String notice = "";
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--hash-password")) {
                    String pw = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                    if (pw == null) {
                        err.println("relayapp: no password on standard input");
                        return 2;
                    }
                    out.println(VpnAccounts.hash(pw));
                    return 0;
                }
                if (a.equals("-h") || a.equals("--help")) {
                    out.println(USAGE);
                    return 0;
                }
                if (i + 1 >= args.length) {
                    err.println("relayapp: unknown option or missing value: " + a);
                    err.println(USAGE);
                    return 2;
                }
                String v = args[++i];
                switch (a) {
                    case "--listen" -> listen = address(v);
                    case "--tunnel-listen" -> tunnel = address(v);
                    case "--host-key" -> hostKey = Path.of(v);
                    case "--prompt-timeout" -> promptTimeout = Duration.ofSeconds(Integer.parseInt(v));
                    case "--vpn-accounts" -> {
                        switch (VpnAccounts.load(Path.of(v))) {
                            case VpnAccounts.Ok ok -> accounts = Optional.of(ok.accounts());
                            case VpnAccounts.Error e -> {
                                err.println("relayapp: " + v + ":" + e.line() + ":" + e.column() + ": " + e.message());
                                return 2;
                            }
                        }
                    }
                    case "--vpn-notice" -> notice = Files.readString(Path.of(v), StandardCharsets.UTF_8);
                    default -> {
                        err.println("relayapp: unknown option " + a);
                        err.println(USAGE);
                        return 2;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("relayapp: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("relayapp: " + e.getMessage());
            return 1;
        }
        RelayServer server;
        try {
            server = RelayServer.start(new RelayServer.Config(listen, tunnel, hostKey, promptTimeout, accounts, notice));
        } catch (IOException e) {
            err.println("relayapp: cannot start: " + e.getMessage());
            return 1;
        }
        out.println("relayapp: engineers telnet to port " + server.telnetPort() + "; connectors use -port "
                + server.tunnelPort() + " -hostkey " + server.fingerprint());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException e) {
                err.println("relayapp: stopping: " + e.getMessage());
            }
            stopped.countDown();
        }, "relayapp-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** {@code ADDR:PORT}, {@code :PORT} or {@code PORT}; IPv6 addresses in brackets. */
    static InetSocketAddress address(String s) {
        int colon = s.lastIndexOf(':');
        String host = colon < 0 ? "0.0.0.0" : s.substring(0, colon);
        if (host.isEmpty()) {
            host = "0.0.0.0";
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an ADDR:PORT: " + s);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + s);
        }
        return new InetSocketAddress(host, port);
    }
}
