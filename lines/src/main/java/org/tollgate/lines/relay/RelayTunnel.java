package org.tollgate.lines.relay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketAddress;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelSession;
import org.tollgate.lines.ssh.StreamCommand;

/**
 * The relay's end of one connector's tunnel: the SSH exec channel {@value #COMMAND} that {@code tndconnect}
 * opens after authenticating.
 *
 * <p>Channel protocol (tollgate's own, inside the encrypted SSH channel): while the tunnel waits, nothing is
 * sent. When an engineer joins, the relay sends the line {@code CONNECT}; the connector opens the telnet
 * daemon and answers {@code OK} or {@code ERR <reason>}; after {@code OK} the channel carries the raw telnet
 * bytes both ways. The relay ends the channel with SSH exit-status {@link #EXIT_ENGINEER_GONE} when the
 * engineer disconnects and {@link #EXIT_RELAY_SHUTDOWN} when the relay shuts down, so that the connector can
 * report the cause.
 */
final class RelayTunnel extends StreamCommand {
    static final String COMMAND = "tollgate-tunnel";
    static final int EXIT_ENGINEER_GONE = 0;
    static final int EXIT_RELAY_SHUTDOWN = 2;
    /** The verified-later proof stored on the SSH session by the password authenticator. */
    static final AttributeKey<byte[]> PROOF = new AttributeKey<>();

    private final TunnelRegistry registry;
    private volatile byte[] sessionId;
    private volatile byte[] proof;
    private volatile SocketAddress remote;
    private volatile boolean closed;

    RelayTunnel(TunnelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        var session = channel.getServerSession();
        this.sessionId = session.getSessionId().clone();
        this.proof = session.getAttribute(PROOF);
        this.remote = session.getRemoteAddress();
        if (proof == null) {
            throw new IOException("tunnel channel on a session without a one-time password proof");
        }
        registry.register(this);
    }

    @Override
    public void destroy(ChannelSession channel) {
        closed = true;
        registry.forget(this);
    }

    byte[] sessionId() {
        return sessionId;
    }

    byte[] proof() {
        return proof;
    }

    SocketAddress remote() {
        return remote;
    }

    InputStream fromConnector() {
        return in();
    }

    OutputStream toConnector() {
        return out();
    }

    boolean isClosed() {
        return closed;
    }

    /** Ends the channel with {@code status} (idempotent). */
    void close(int status) {
        if (!closed) {
            closed = true;
            registry.forget(this);
            exit(status);
        }
    }
}
