package org.tollgate.lines.vpn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vpnclient spec, inter-process communication codes: 18 (communication failed) and 33 (timed out). */
class IpcFailureTest {
    @TempDir
    Path dir;

    /** A fake daemon on a Unix socket that answers every request with {@code answer} (or never, when null). */
    private ServerSocketChannel fakeDaemon(Path socket, String answer, CountDownLatch release) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread.ofVirtual().start(() -> {
            while (server.isOpen()) {
                try (SocketChannel ch = server.accept()) {
                    if (answer == null) {
                        release.await();
                    } else {
                        OutputStream out = Channels.newOutputStream(ch);
                        out.write(answer.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                } catch (IOException e) {
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
        return server;
    }

    private ReturnCode vpnclient(Path socket, Duration timeout, String... args) {
        VpnClient.Settings s = new VpnClient.Settings(socket, dir.resolve("Profiles"), dir.resolve("data"));
        return new VpnClient(s, new VpnFixture.ScriptedPrompt(), new PrintStream(OutputStream.nullOutputStream()), timeout)
                .execute(args);
    }

    @Test
    @DisplayName("a reply that is not a return code: 18 (ERR_COMMUNICATION_FAILED)")
    void garbled() throws Exception {
        Path socket = dir.resolve("garbled.sock");
        try (ServerSocketChannel s = fakeDaemon(socket, "hello there\n", new CountDownLatch(0))) {
            assertTrue(s.isOpen());
            assertEquals(ReturnCode.ERR_COMMUNICATION_FAILED, vpnclient(socket, Duration.ofSeconds(30), "stat"));
            assertEquals(ReturnCode.ERR_COMMUNICATION_FAILED, vpnclient(socket, Duration.ofSeconds(30), "disconnect"));
        }
        assertEquals(18, ReturnCode.ERR_COMMUNICATION_FAILED.code());
    }

    @Test
    @DisplayName("a daemon that never answers: 33 (ERR_COMMUNICATION_TIMED_OUT) once the IPC limit passes")
    void timedOut() throws Exception {
        Path socket = dir.resolve("silent.sock");
        CountDownLatch release = new CountDownLatch(1);
        try (ServerSocketChannel s = fakeDaemon(socket, null, release)) {
            assertTrue(s.isOpen());
            assertEquals(ReturnCode.ERR_COMMUNICATION_TIMED_OUT, vpnclient(socket, Duration.ofMillis(300), "stat"));
        } finally {
            release.countDown();
        }
        assertEquals(33, ReturnCode.ERR_COMMUNICATION_TIMED_OUT.code());
    }

    @Test
    @DisplayName("the daemon's request codec round-trips values with backslashes and newlines")
    void codec() throws Exception {
        var req = new java.util.LinkedHashMap<String, String>();
        req.put("cmd", "connect");
        req.put("userpwd", "a\\b\nc=d");
        var in = new java.io.BufferedReader(new java.io.StringReader(Ipc.encode(req)));
        assertEquals(req, Ipc.readRequest(in));
    }
}
