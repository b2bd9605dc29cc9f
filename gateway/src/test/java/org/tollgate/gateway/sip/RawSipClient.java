package org.tollgate.gateway.sip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted SIP peer for tests: sends raw bytes over UDP or TCP to the server under test and
 * collects the responses. Reads block for at most {@link #WAIT_MS} per message (a bound on waiting,
 * never a speed assertion).
 */
final class RawSipClient implements AutoCloseable {
    static final int WAIT_MS = 5000;

    private final InetSocketAddress server;
    private final DatagramSocket udp;

    RawSipClient(String host, int port) throws IOException {
        this.server = new InetSocketAddress(InetAddress.getByName(host), port);
        this.udp = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(host), 0));
    }

    int localUdpPort() {
        return udp.getLocalPort();
    }

    void sendUdp(byte[] message) throws IOException {
        udp.send(new DatagramPacket(message, message.length, server));
    }

    void sendUdp(String message) throws IOException {
        sendUdp(message.getBytes(StandardCharsets.UTF_8));
    }

    /** The next UDP message, or empty when none arrives within {@code waitMs}. */
    Optional<SipText> receiveUdp(int waitMs) throws IOException {
        byte[] buf = new byte[65_535];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        udp.setSoTimeout(waitMs);
        try {
            udp.receive(p);
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
        return Optional.of(new SipText(new String(buf, 0, p.getLength(), StandardCharsets.UTF_8)));
    }

    /** The first UDP response whose Call-ID is {@code callId}, skipping others, within {@code waitMs} each. */
    Optional<SipText> awaitUdp(String callId, int waitMs) throws IOException {
        for (int i = 0; i < 50; i++) {
            Optional<SipText> m = receiveUdp(waitMs);
            if (m.isEmpty()) {
                return m;
            }
            if (callId.equals(m.get().header("Call-ID").orElse(null))) {
                return m;
            }
        }
        return Optional.empty();
    }

    /**
     * Sends a request over UDP and retransmits it like a UAC (RFC 3261 17.1.2.2 Timer E: 500 ms,
     * doubling up to 4 s, for at most 16 s) until a response with this Call-ID and a status of at
     * least {@code minStatus} arrives; responses of other transactions are skipped. A loaded machine
     * may delay or drop a datagram; a real phone would retransmit, so the test does too.
     */
    Optional<SipText> requestUdp(String message, String callId, int minStatus) throws IOException {
        return requestUdp(message.getBytes(StandardCharsets.UTF_8), callId, minStatus);
    }

    /** {@link #requestUdp(String, String, int)} for a message with a binary body. */
    Optional<SipText> requestUdp(byte[] bytes, String callId, int minStatus) throws IOException {
        String cseq = cseqOf(new String(bytes, StandardCharsets.ISO_8859_1));
        int interval = 500;
        int waited = 0;
        sendUdp(bytes);
        while (waited < 16_000) {
            long start = System.nanoTime();
            Optional<SipText> m = receiveUdp(interval);
            waited += (int) Math.max(1, (System.nanoTime() - start) / 1_000_000);
            if (m.isEmpty()) {
                sendUdp(bytes);
                interval = Math.min(interval * 2, 4000);
                continue;
            }
            SipText r = m.get();
            if (callId.equals(r.header("Call-ID").orElse(null)) && r.status() >= minStatus
                    && cseq.equals(r.header("CSeq").orElse(""))) {
                return m;
            }
        }
        return Optional.empty();
    }

    private static String cseqOf(String message) {
        for (String line : message.split("\r\n")) {
            if (line.regionMatches(true, 0, "CSeq:", 0, 5)) {
                return line.substring(5).trim();
            }
        }
        return "";
    }

    /** All UDP messages that arrive until {@code waitMs} passes with nothing. */
    List<SipText> drainUdp(int waitMs) throws IOException {
        List<SipText> out = new ArrayList<>();
        for (Optional<SipText> m = receiveUdp(waitMs); m.isPresent(); m = receiveUdp(waitMs)) {
            out.add(m.get());
        }
        return out;
    }

    /** Sends over a new TCP connection and reads one response (empty if the server closes or stays silent). */
    Optional<SipText> exchangeTcp(byte[] message) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(server, WAIT_MS);
            s.setSoTimeout(WAIT_MS);
            OutputStream out = s.getOutputStream();
            out.write(message);
            out.flush();
            return readStreamMessage(s.getInputStream());
        }
    }

    static Optional<SipText> readStreamMessage(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            int state = 0;
            while (state < 4) {
                int b = in.read();
                if (b < 0) {
                    return Optional.empty();
                }
                head.write(b);
                state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                        ? state + 1 : (b == '\r' ? 1 : 0);
                if (head.size() == 2 && head.toString(StandardCharsets.ISO_8859_1).equals("\r\n")) {
                    head.reset(); // keep-alive CRLF
                    state = 0;
                }
            }
            SipText h = new SipText(head.toString(StandardCharsets.UTF_8));
            int len = Integer.parseInt(h.header("Content-Length").orElse("0").trim());
            byte[] body = in.readNBytes(len);
            return Optional.of(new SipText(h.text() + new String(body, StandardCharsets.UTF_8)));
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
    }

    @Override public void close() {
        udp.close();
    }

    /** A received SIP message as text with small accessors. */
    record SipText(String text) {
        private static final Pattern STATUS = Pattern.compile("^SIP/2\\.0 (\\d{3})");

        int status() {
            Matcher m = STATUS.matcher(text);
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        }

        Optional<String> header(String name) {
            return headers(name).stream().findFirst();
        }

        List<String> headers(String name) {
            List<String> out = new ArrayList<>();
            String lower = name.toLowerCase(Locale.ROOT);
            String compact = switch (lower) {
                case "call-id" -> "i";
                case "content-length" -> "l";
                case "contact" -> "m";
                default -> "\u0000";
            };
            for (String line : text.split("\r\n")) {
                if (line.isEmpty()) {
                    break;
                }
                int c = line.indexOf(':');
                if (c > 0) {
                    String n = line.substring(0, c).trim().toLowerCase(Locale.ROOT);
                    if (n.equals(lower) || n.equals(compact)) {
                        out.add(line.substring(c + 1).trim());
                    }
                }
            }
            return out;
        }
    }
}
