package org.tollgate.lines.relay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One support engineer's plain telnet session to the relay: asks {@code Password:} (at most
 * {@value #MAX_TRIES} tries, each within the prompt timeout), joins the engineer to the tunnel opened with
 * that one-time password, then relays bytes both ways until either side ends.
 *
 * <p>The relay negotiates no telnet options itself, so that after the join the option negotiation between
 * the stock client and the telnet daemon behind the tunnel happens end to end, as if directly connected.
 */
final class EngineerSession implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineerSession.class);
    /** Password attempts per telnet connection. */
    static final int MAX_TRIES = 3;
    /** Longest password read. */
    static final int MAX_PASSWORD = 128;

    private final Socket socket;
    private final TunnelRegistry registry;
    private final Duration promptTimeout;

    EngineerSession(Socket socket, TunnelRegistry registry, Duration promptTimeout) {
        this.socket = socket;
        this.registry = registry;
        this.promptTimeout = promptTimeout;
    }

    @Override
    public void run() {
        String who = String.valueOf(socket.getRemoteSocketAddress());
        try (socket) {
            socket.setSoTimeout((int) promptTimeout.toMillis());
            OutputStream out = socket.getOutputStream();
            TelnetInput in = new TelnetInput(socket.getInputStream());
            send(out, "tollgate secure telnet relay\r\n");
            for (int attempt = 1; attempt <= MAX_TRIES; attempt++) {
                send(out, "Password: ");
                String password = in.readLine(MAX_PASSWORD);
                if (password == null) {
                    LOG.info("relay: engineer {} disconnected at the password prompt", who);
                    return;
                }
                switch (registry.claim(password.toCharArray())) {
                    case TunnelRegistry.Joined j -> {
                        socket.setSoTimeout(0);
                        join(j.tunnel(), in, out, who);
                        return;
                    }
                    case TunnelRegistry.AlreadyUsed u -> {
                        LOG.warn("relay: engineer {} presented an already used one-time password", who);
                        send(out, "% This one-time password has already been used\r\n");
                    }
                    case TunnelRegistry.Unknown u -> {
                        LOG.warn("relay: engineer {} presented an unknown one-time password", who);
                        send(out, "% Access denied\r\n");
                    }
                }
            }
            send(out, "% Too many attempts, goodbye\r\n");
        } catch (SocketTimeoutException e) {
            LOG.info("relay: engineer {} timed out at the password prompt", who);
        } catch (IOException e) {
            LOG.info("relay: engineer {} session failed: {}", who, e.getMessage());
        }
    }

    private void join(RelayTunnel tunnel, TelnetInput engineerIn, OutputStream engineerOut, String who)
            throws IOException {
        LOG.info("relay: engineer {} joined the tunnel from {}", who, tunnel.remote());
        OutputStream toConnector = tunnel.toConnector();
        InputStream fromConnector = tunnel.fromConnector();
        try {
            toConnector.write("CONNECT\n".getBytes(StandardCharsets.US_ASCII));
            toConnector.flush();
            String reply = readAsciiLine(fromConnector);
            if (reply == null || !reply.equals("OK")) {
                String reason = reply == null ? "the tunnel closed"
                        : reply.startsWith("ERR ") ? reply.substring(4) : "unexpected reply from the connector";
                send(engineerOut, "% " + reason + "\r\n");
                LOG.info("relay: engineer {} could not reach the telnet daemon: {}", who, reason);
                return;
            }
            Thread up = Thread.ofVirtual().name("relay-up").start(() -> {
                byte[] buf = new byte[8192];
                try {
                    int n;
                    while ((n = engineerIn.read(buf)) >= 0) {
                        if (n > 0) {
                            toConnector.write(buf, 0, n);
                            toConnector.flush();
                        }
                    }
                } catch (IOException e) {
                    LOG.debug("relay: engineer side ended: {}", e.getMessage());
                }
                tunnel.close(RelayTunnel.EXIT_ENGINEER_GONE);
            });
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = fromConnector.read(buf)) >= 0) {
                    engineerOut.write(buf, 0, n);
                    engineerOut.flush();
                }
            } catch (IOException e) {
                LOG.debug("relay: tunnel side ended: {}", e.getMessage());
            }
            socket.close();
            up.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            tunnel.close(RelayTunnel.EXIT_ENGINEER_GONE);
            LOG.info("relay: engineer {} session ended", who);
        }
    }

    static String readAsciiLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (b == '\n') {
                return sb.toString();
            }
            if (sb.length() < 256) {
                sb.append((char) b);
            }
        }
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
