package org.tollgate.aaa.radius.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import org.tinyradius.packet.RadiusPacket;
import org.tollgate.aaa.radius.RadiusSettings;

/**
 * One RADIUS request/reply over UDP, blocking (run it on a virtual thread): sends the encoded
 * packet, waits {@code timeout} for a reply the checker accepts, resends the identical packet up to
 * {@code retransmit} times (RFC 5080 §2.2.1). The socket is bound to the source address and
 * connected to the server, so an ICMP port-unreachable ends the exchange at once.
 */
public final class UdpExchange {

    /** Validates one received datagram: the answer, or null to drop it and keep waiting. */
    @FunctionalInterface
    interface ReplyCheck<T> {
        T check(byte[] buffer, int length);
    }

    /**
     * The exchange's outcome: an answer, or why there is none; how many times the packet was sent
     * and how many replies were dropped as invalid.
     */
    public record Outcome<T>(T answer, String failure, int transmissions, int invalid) {
    }

    private UdpExchange() {
    }

    static <T> Outcome<T> run(InetAddress server, int port, RadiusSettings settings, byte[] packet,
            ReplyCheck<T> checker) throws InterruptedException {
        InetAddress source = settings.sourceAddress().orElse(null);
        int timeoutMs = (int) Math.max(1, settings.timeout().toMillis());
        String reason = "no reply";
        int sent = 0;
        int invalid = 0;
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(source, 0))) {
            socket.connect(new InetSocketAddress(server, port));
            byte[] buffer = new byte[RadiusPacket.MAX_PACKET_LENGTH];
            for (int transmission = 0; transmission <= settings.retransmit(); transmission++) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                socket.send(new DatagramPacket(packet, packet.length));
                sent++;
                long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
                while (true) {
                    long left = (deadline - System.nanoTime()) / 1_000_000L;
                    if (left <= 0) {
                        break;
                    }
                    socket.setSoTimeout((int) left);
                    DatagramPacket received = new DatagramPacket(buffer, buffer.length);
                    try {
                        socket.receive(received);
                    } catch (SocketTimeoutException e) {
                        break;
                    }
                    T answer = checker.check(buffer, received.getLength());
                    if (answer != null) {
                        return new Outcome<>(answer, null, sent, invalid);
                    }
                    invalid++;
                    reason = "invalid replies (wrong shared secret?)";
                }
            }
            return new Outcome<>(null, reason + " after " + sent + " transmissions", sent, invalid);
        } catch (PortUnreachableException e) {
            return new Outcome<>(null, "port unreachable", Math.max(sent, 1), invalid);
        } catch (IOException e) {
            return new Outcome<>(null, "I/O error: " + e.getMessage(), sent, invalid);
        }
    }
}
