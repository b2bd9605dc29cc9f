package org.tollgate.lines.relay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A tiny telnet-daemon stand-in for tests: greets with {@code tiny-daemon ready}, answers every line with
 * {@code echo: <line>}, closes on {@code quit}, and resets the TCP connection on {@code reset}.
 */
final class EchoDaemon implements AutoCloseable {
    private final ServerSocket server;

    EchoDaemon() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        // a platform thread: closing a ServerSocket whose accept() is parked on a virtual thread may finish
        // asynchronously, and the "daemon not running" test needs the port closed when close() returns
        Thread.ofPlatform().daemon().start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void serve(Socket s) {
        try (s) {
            OutputStream out = s.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            out.write("tiny-daemon ready\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals("quit")) {
                    out.write("bye\r\n".getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                if (line.equals("reset")) {
                    s.setSoLinger(true, 0);
                    return;
                }
                if (!line.isEmpty()) {
                    out.write(("echo: " + line + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the peer went away
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
