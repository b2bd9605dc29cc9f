package org.tollgate.lines.vpn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.tollgate.lines.relay.RelayServer;
import org.tollgate.lines.relay.VpnAccounts;
import org.tollgate.callcontrol.time.ManualClock;

/** A head end (relayapp with accounts), a vpnd, a profiles directory and a scripted prompt. */
final class VpnFixture implements AutoCloseable {
    static final String NOTICE = "Your network administrator has placed an update at http://www.example.com/clientupdate";

    final Path dir;
    final RelayServer headEnd;
    final VpnDaemon daemon;
    final VpnClient.Settings settings;
    final EchoServer corpServer;
    final ScriptedPrompt prompt = new ScriptedPrompt();
    final ByteArrayOutputStream output = new ByteArrayOutputStream();
    final int routePort;

    VpnFixture(Path dir) throws IOException {
        this.dir = dir;
        List<String> accounts = List.of("# group user grouppwd userpwd",
                "sales admin " + VpnAccounts.hash("grp-secret") + " " + VpnAccounts.hash("admin"));
        VpnAccounts acc = ((VpnAccounts.Ok) VpnAccounts.parse(accounts)).accounts();
        headEnd = RelayServer.start(new RelayServer.Config(new InetSocketAddress("127.0.0.1", 0),
                new InetSocketAddress("127.0.0.1", 0), dir.resolve("headend.key"), Duration.ofSeconds(10),
                Optional.of(acc), NOTICE));
        settings = new VpnClient.Settings(dir.resolve("vpnd.sock"), dir.resolve("Profiles"), dir.resolve("data"));
        daemon = VpnDaemon.start(new VpnDaemon.Config(settings.socket(), settings.dataDir(), new ManualClock()));
        corpServer = new EchoServer();
        routePort = freePort();
        Files.createDirectories(settings.profiles());
        profile("myprofile", "[main]", "Description=head office", "Host=127.0.0.1",
                "TunnelPort=" + headEnd.tunnelPort(), "HostKey=" + headEnd.fingerprint(), "AuthType=1",
                "GroupName=sales", "GroupPwd=grp-secret", "Username=admin", "SaveUserPassword=0",
                "ForwardRoutes=" + routePort + ":127.0.0.1:" + corpServer.port());
    }

    void profile(String name, String... lines) throws IOException {
        Files.write(settings.profiles().resolve(name + ".pcf"), List.of(lines), StandardCharsets.ISO_8859_1);
    }

    String profileText(String name) throws IOException {
        return Files.readString(settings.profiles().resolve(name + ".pcf"), StandardCharsets.ISO_8859_1);
    }

    ReturnCode vpnclient(String... args) {
        return new VpnClient(settings, prompt, new PrintStream(output, true, StandardCharsets.UTF_8), Duration.ofSeconds(30))
                .execute(args);
    }

    String output() {
        String s = output.toString(StandardCharsets.UTF_8);
        output.reset();
        return s;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        daemon.close();
        headEnd.close();
        corpServer.close();
    }

    /** Answers the prompts from queues; records what was asked. */
    static final class ScriptedPrompt implements CredentialPrompt {
        final Deque<String> usernames = new ArrayDeque<>();
        final Deque<String> passwords = new ArrayDeque<>();
        final List<String> asked = new ArrayList<>();

        @Override
        public Optional<String> username(String p) {
            asked.add(p);
            return Optional.ofNullable(usernames.poll());
        }

        @Override
        public Optional<String> password(String p) {
            asked.add(p);
            return Optional.ofNullable(passwords.poll());
        }
    }

    /** The "corporate server" behind the head end: echoes what it receives and keeps a copy. */
    static final class EchoServer implements AutoCloseable {
        private final ServerSocket server;
        final ByteArrayOutputStream received = new ByteArrayOutputStream();

        EchoServer() throws IOException {
            server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        Thread.ofVirtual().start(() -> serve(s));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        private void serve(Socket s) {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                byte[] buf = new byte[4096];
                int n;
                while ((n = in.read(buf)) >= 0) {
                    synchronized (received) {
                        received.write(buf, 0, n);
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // peer gone
            }
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
