package org.tollgate.harness.cdr;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UDP relay in front of a RADIUS server, standing in for the server's address: while
 * {@link #down()} it drops every request (the server is "stopped"); once {@link #up} it forwards
 * requests to the real server and the answers back. Only one client at a time.
 */
final class UdpRelay implements AutoCloseable {
    private final DatagramSocket front;
    private final DatagramSocket back;
    private final AtomicReference<InetSocketAddress> target = new AtomicReference<>();
    private final AtomicReference<SocketAddress> client = new AtomicReference<>();
    final AtomicInteger dropped = new AtomicInteger();
    final AtomicInteger forwarded = new AtomicInteger();
    private final Thread in;
    private final Thread out;

    UdpRelay() throws SocketException {
        front = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        back = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        in = Thread.ofPlatform().daemon(true).start(this::forward);
        out = Thread.ofPlatform().daemon(true).start(this::answer);
    }

    int port() {
        return front.getLocalPort();
    }

    void up(InetSocketAddress server) {
        target.set(server);
    }

    void down() {
        target.set(null);
    }

    private void forward() {
        byte[] buf = new byte[4096];
        while (!front.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                front.receive(p);
                InetSocketAddress t = target.get();
                if (t == null) {
                    dropped.incrementAndGet();
                    continue;
                }
                client.set(p.getSocketAddress());
                back.send(new DatagramPacket(p.getData(), p.getLength(), t));
                forwarded.incrementAndGet();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void answer() {
        byte[] buf = new byte[4096];
        while (!back.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                back.receive(p);
                SocketAddress c = client.get();
                if (c != null && target.get() != null) {
                    front.send(new DatagramPacket(p.getData(), p.getLength(), c));
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        front.close();
        back.close();
    }
}
