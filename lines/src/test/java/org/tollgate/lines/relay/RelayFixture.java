package org.tollgate.lines.relay;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.tollgate.callcontrol.time.ManualClock;

/** Shared set-up for relay tests: a relay on ephemeral ports, connectors, and a scripted engineer. */
final class RelayFixture {
    private RelayFixture() {}

    static RelayServer relay(Path dir) throws IOException {
        return RelayServer.start(new RelayServer.Config(new InetSocketAddress("127.0.0.1", 0),
                new InetSocketAddress("127.0.0.1", 0), dir.resolve("relay-hostkey.ser"), Duration.ofSeconds(20),
                Optional.empty(), ""));
    }

    /** A connector running on its own thread. */
    record Running(Connector connector, CompletableFuture<SessionEnd> end, Path log, ByteArrayOutputStream console) {
        String logText() throws IOException {
            return java.nio.file.Files.readString(log, StandardCharsets.UTF_8);
        }
    }

    static Running connector(Path dir, ManualClock clock, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        Path log = dir.resolve("tndconnect-" + System.nanoTime() + ".log");
        all.add("-file");
        all.add(log.toString());
        ConnectorOptions.Parsed parsed = ConnectorOptions.parse(all.toArray(String[]::new));
        ConnectorOptions options = assertInstanceOf(ConnectorOptions.Ok.class, parsed).options();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        AuditLog audit = new AuditLog(clock, log, new PrintStream(console, true, StandardCharsets.UTF_8),
                options.verbose(), options.noecho());
        Connector c = new Connector(options, clock, audit);
        CompletableFuture<SessionEnd> end = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                end.complete(c.run());
            } catch (RuntimeException e) {
                end.completeExceptionally(e);
            } finally {
                try {
                    audit.close();
                } catch (IOException e) {
                    end.completeExceptionally(e);
                }
            }
        });
        return new Running(c, end, log, console);
    }

    /** Standard connector arguments for {@code relay} and a daemon on {@code daemonPort}. */
    static String[] args(RelayServer relay, String password, int daemonPort) {
        return new String[] {"-host", "127.0.0.1", "-port", String.valueOf(relay.tunnelPort()), "-password", password,
                "-target", "127.0.0.1", "-targetport", String.valueOf(daemonPort), "-hostkey", relay.fingerprint()};
    }

    /** Waits (bounded) for a condition that another thread makes true; fails the test when it never does. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("never happened: " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }

    /** A support engineer's raw telnet connection to the relay. */
    static final class Engineer implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final StringBuilder seen = new StringBuilder();

        Engineer(RelayServer relay) throws IOException {
            socket = new Socket("127.0.0.1", relay.telnetPort());
            socket.setSoTimeout(20_000);
            in = socket.getInputStream();
        }

        /** Reads until {@code text} has arrived; returns everything read so far. */
        String expect(String text) throws IOException {
            byte[] buf = new byte[1024];
            while (seen.indexOf(text) < 0) {
                int n;
                try {
                    n = in.read(buf);
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("timed out waiting for '" + text + "', got: " + seen, e);
                }
                if (n < 0) {
                    throw new AssertionError("connection closed waiting for '" + text + "', got: " + seen);
                }
                seen.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
            }
            String all = seen.toString();
            seen.delete(0, seen.indexOf(text) + text.length());
            return all;
        }

        /** Reads until the relay closes the connection; returns the rest. */
        String readToEnd() throws IOException {
            byte[] buf = new byte[1024];
            int n;
            try {
                while ((n = in.read(buf)) >= 0) {
                    seen.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                }
            } catch (IOException e) {
                // reset counts as closed
            }
            return seen.toString();
        }

        void send(String text) throws IOException {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
