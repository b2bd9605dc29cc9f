package org.tollgate.lines.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.lines.tty.ManualLineScheduler;

class ChatRunnerTest {

    private static final String RTP = "ABORT ERROR ABORT BUSY \"\" \"AT\" OK \"ATDT \\T\" TIMEOUT 45 CONNECT \\c";

    private final ManualLineScheduler clock = new ManualLineScheduler();
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private int breaks;
    private final List<String> debug = new ArrayList<>();
    private final ChatPort port = new ChatPort() {
        @Override
        public void write(byte[] data) {
            written.writeBytes(data);
        }

        @Override
        public void sendBreak() {
            breaks++;
        }
    };
    private final ChatRunner runner = new ChatRunner(port, clock, 65, debug::add);

    private static ChatScript script(String text) {
        return ((ChatParseResult.Ok) ChatScriptParser.parse("rtp", text)).script();
    }

    private String sent() {
        String s = written.toString(StandardCharsets.ISO_8859_1);
        written.reset();
        return s;
    }

    private void modem(String s) {
        runner.onInput(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    @DisplayName("callback dial script: AT/OK, ATDT with \\T replaced, CONNECT ends it with Success")
    void dialSucceeds() {
        CompletableFuture<ChatResult> r = runner.start(script(RTP), "84001");
        assertEquals("AT\r", sent());
        modem("AT\r\r\nO");
        assertEquals("", sent(), "nothing sent before the whole expect string arrived");
        modem("K\r\n");
        assertEquals("ATDT 84001\r", sent());
        clock.advance(Duration.ofSeconds(44));
        assertFalse(r.isDone(), "TIMEOUT 45 applies to CONNECT");
        modem("\r\nCONNECT\r\n");
        assertEquals(new ChatResult.Success(), r.join());
        assertEquals("", sent(), "\\c sends nothing, not even CR");
        assertEquals(List.of(
                "CHAT65: Chat script rtp started",
                "CHAT65: Sending string: AT",
                "CHAT65: Expecting string: OK",
                "CHAT65: Completed match for expect: OK",
                "CHAT65: Sending string: ATDT \\T<84001>",
                "CHAT65: Expecting string: CONNECT",
                "CHAT65: Completed match for expect: CONNECT",
                "CHAT65: Sending string: \\c",
                "CHAT65: Chat script rtp finished, status = Success"), debug);
        assertEquals(0, clock.pendingTasks(), "timer cancelled after the end");
    }

    @Test
    @DisplayName("ABORT BUSY: the script fails with Aborted(BUSY)")
    void busyAborts() {
        CompletableFuture<ChatResult> r = runner.start(script(RTP), "84001");
        modem("OK\r\n");
        modem("\r\nBUSY\r\n");
        assertEquals(new ChatResult.Aborted("BUSY"), r.join());
    }

    @Test
    @DisplayName("ABORT ERROR applies to the first expect too")
    void errorAborts() {
        CompletableFuture<ChatResult> r = runner.start(script(RTP), "84001");
        modem("\r\nERROR\r\n");
        assertEquals(new ChatResult.Aborted("ERROR"), r.join());
    }

    @Test
    @DisplayName("default TIMEOUT is 5 s; expiry gives Timeout(expect)")
    void defaultTimeout() {
        CompletableFuture<ChatResult> r = runner.start(script(RTP), "84001");
        clock.advance(Duration.ofMillis(4999));
        assertFalse(r.isDone());
        clock.advance(Duration.ofMillis(1));
        assertEquals(new ChatResult.Timeout("OK"), r.join());
        assertTrue(debug.contains("CHAT65: Timeout expecting: OK"));
    }

    @Test
    @DisplayName("TIMEOUT 45 bounds the CONNECT wait")
    void timeout45() {
        CompletableFuture<ChatResult> r = runner.start(script(RTP), "84001");
        modem("OK");
        clock.advance(Duration.ofSeconds(45));
        assertEquals(new ChatResult.Timeout("CONNECT"), r.join());
    }

    @Test
    @DisplayName("expect-send-expect: on timeout the sub-pair's string is sent and its expect awaited")
    void subPairOnTimeout() {
        CompletableFuture<ChatResult> r = runner.start(script("ssword:-\\r-ssword secret"), "");
        assertEquals("", sent());
        clock.advance(Duration.ofSeconds(5));
        assertEquals("\r\r", sent(), "the sub-pair send \\r, followed by the usual CR");
        modem("Password:");
        assertEquals("secret\r", sent());
        assertEquals(new ChatResult.Success(), r.join());
    }

    @Test
    @DisplayName("\\d pauses 2 s and \\p 0.25 s between the parts of a send; \\K sends BREAK; \\N sends NUL")
    void pausesAndBreak() {
        CompletableFuture<ChatResult> r = runner.start(script("\"\" A\\dB\\pC\\KD\\N"), "");
        assertEquals("A", sent());
        clock.advance(Duration.ofMillis(1999));
        assertEquals("", sent());
        clock.advance(Duration.ofMillis(1));
        assertEquals("B", sent());
        clock.advance(Duration.ofMillis(250));
        assertEquals("CD\0\r", sent());
        assertEquals(1, breaks);
        assertEquals(new ChatResult.Success(), r.join());
    }

    @Test
    @DisplayName("input that arrives during a pause is kept for the next expect")
    void inputDuringPauseIsKept() {
        CompletableFuture<ChatResult> r = runner.start(script("\"\" AT\\d OK"), "");
        modem("OK\r\n");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(new ChatResult.Success(), r.join());
    }

    @Test
    @DisplayName("a write failure ends the script with IoFailure")
    void ioFailure() {
        ChatRunner broken = new ChatRunner(new ChatPort() {
            @Override
            public void write(byte[] data) throws IOException {
                throw new IOException("port closed");
            }

            @Override
            public void sendBreak() throws IOException {
                throw new IOException("port closed");
            }
        }, clock, 0, debug::add);
        assertInstanceOf(ChatResult.IoFailure.class, broken.start(script(RTP), "1").join());
    }

    @Test
    @DisplayName("cancel stops a waiting script with Cancelled")
    void cancel() {
        CompletableFuture<ChatResult> r = runner.start(script(RTP), "1");
        runner.cancel();
        assertEquals(new ChatResult.Cancelled(), r.join());
    }
}
