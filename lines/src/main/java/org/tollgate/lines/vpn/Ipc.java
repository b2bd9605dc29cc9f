package org.tollgate.lines.vpn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The local channel between {@code vpnclient} and {@code vpnd}: a Unix domain socket
 * ({@link UnixDomainSocketAddress}), one request per connection.
 *
 * <p>Request: {@code key=value} lines (a backslash escapes {@code \\} and {@code \n}), ended by an empty line.
 * Reply: the return code as a decimal number on the first line, then free text until the daemon closes the
 * connection. Requests are at most {@value #MAX_REQUEST} characters.
 */
final class Ipc {
    static final int MAX_REQUEST = 64 * 1024;

    private Ipc() {}

    /** Outcome of one call. */
    sealed interface Result {}

    record Reply(int code, String text) implements Result {}

    /** No socket file, or nobody listening on it: the daemon is not running (35). */
    record NoDaemon(String why) implements Result {}

    /** The socket exists but could not be attached to (for example permissions) (8). */
    record AttachFailed(String why) implements Result {}

    /** The daemon did not answer in time (33). */
    record TimedOut() implements Result {}

    /** The daemon's answer could not be read (18). */
    record Garbled(String why) implements Result {}

    static Result call(Path socket, Map<String, String> request, Duration timeout) {
        if (!Files.exists(socket)) {
            return new NoDaemon("no daemon socket at " + socket);
        }
        SocketChannel ch;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException e) {
            return new AttachFailed(e.getMessage());
        }
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
        } catch (ConnectException | NoSuchFileException e) {
            close(ch);
            return new NoDaemon("nobody listens on " + socket);
        } catch (AccessDeniedException e) {
            close(ch);
            return new AttachFailed("permission denied on " + socket);
        } catch (IOException e) {
            close(ch);
            String m = String.valueOf(e.getMessage());
            return m.contains("ermission") ? new AttachFailed(m) : new NoDaemon(m);
        }
        CompletableFuture<Result> reply = CompletableFuture.supplyAsync(() -> exchange(ch, request),
                r -> Thread.ofVirtual().start(r));
        try {
            return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new TimedOut();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TimedOut();
        } catch (ExecutionException e) {
            return new Garbled(String.valueOf(e.getCause()));
        } finally {
            close(ch);
        }
    }

    private static Result exchange(SocketChannel ch, Map<String, String> request) {
        try {
            OutputStream out = Channels.newOutputStream(ch);
            out.write(encode(request).getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
            String first = in.readLine();
            if (first == null) {
                return new Garbled("the daemon closed the connection without a reply");
            }
            int code;
            try {
                code = Integer.parseInt(first.strip());
            } catch (NumberFormatException e) {
                return new Garbled("not a return code: " + first);
            }
            StringBuilder text = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                text.append(line).append('\n');
            }
            return new Reply(code, text.toString());
        } catch (IOException e) {
            return new Garbled(e.getMessage());
        }
    }

    static String encode(Map<String, String> request) {
        StringBuilder sb = new StringBuilder();
        request.forEach((k, v) -> sb.append(k).append('=')
                .append(v.replace("\\", "\\\\").replace("\n", "\\n")).append('\n'));
        return sb.append('\n').toString();
    }

    /** Reads one request; {@code null} when it is malformed or too long. */
    static Map<String, String> readRequest(BufferedReader in) throws IOException {
        Map<String, String> req = new LinkedHashMap<>();
        int total = 0;
        String line;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
            total += line.length();
            int eq = line.indexOf('=');
            if (eq <= 0 || total > MAX_REQUEST) {
                return null;
            }
            req.put(line.substring(0, eq), unescape(line.substring(eq + 1)));
        }
        return line == null ? null : req;
    }

    private static String unescape(String v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                sb.append(n == 'n' ? '\n' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static void close(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
