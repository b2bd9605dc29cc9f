package org.tollgate.lines.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.config.ConfigParser;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.ParseResult;
import org.tollgate.lines.callback.ModemLineStatus.LineState;
import org.tollgate.lines.tty.ManualLineScheduler;

/**
 * The EXEC-callback line against an in-memory modem, with time on a fake scheduler: forced wait, chat
 * TIMEOUT and the wake-up window are exercised without waiting for them.
 */
class ExecCallbackLineTest {

    private static final String CONFIG = """
            service exec-callback
            hostname maui-nas-04
            username austin-01 nocallback-verify callback-dialstring 84001 password 0 austin01pw
            username austin-02 callback-dialstring "" password 0 austin02pw
            username plain password 0 plainpw
            chat-script offhook "" "ATH1" OK
            chat-script rtp ABORT ERROR ABORT BUSY "" "AT" OK "ATDT \\T" TIMEOUT 45 CONNECT \\c
            line aux 0
             script modem-off-hook offhook
             script callback rtp
             login local
             modem InOut
             callback forced-wait 5
             device /dev/scripted
            """;

    private final ManualLineScheduler time = new ManualLineScheduler();
    private final ScriptedModem modem = new ScriptedModem(time::nanoTime);
    private final List<String> sessions = new CopyOnWriteArrayList<>();
    private final List<String> debug = new CopyOnWriteArrayList<>();
    private ModemLineService service;

    private void start(String config) {
        ParseResult r = ConfigParser.parse("test", config);
        GatewayConfig cfg = assertInstanceOf(ParseResult.Ok.class, r, r::toString).config();
        service = ModemLineService.builder(() -> cfg)
                .scheduler(time)
                .clock(Clock.systemUTC())
                .devices(spec -> modem)
                .debug((c, l) -> debug.add(c + ": " + l))
                .launcher(s -> {
                    sessions.add(s.user() + "@" + s.location());
                    try {
                        s.output().write((cfg.hostname() + ">").getBytes());
                        while (s.input().read() >= 0) {
                            // a session that only waits for the call to end
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .build();
        assertEquals(List.of(), service.start());
        until(() -> state() == LineState.IDLE);
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.stop();
        }
    }

    private LineState state() {
        return service.status(1).map(ModemLineStatus::state).orElse(null);
    }

    private ModemLineStatus status() {
        return service.status(1).orElseThrow();
    }

    /** Lets the line thread run, moving fake time in small steps, until {@code cond} holds. */
    private void until(BooleanSupplier cond) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached; line " + service.status(1) + ", modem "
                        + modem.commands() + ", screen '" + modem.screen() + "'");
            }
            LockSupport.parkNanos(2_000_000);
            time.advance(Duration.ofMillis(50));
        }
    }

    private void loginAs(String user, String password) {
        modem.ring();
        until(() -> modem.screen().endsWith("Username: "));
        modem.callerTypes(user + "\r");
        until(() -> modem.screen().endsWith("password: "));
        modem.callerTypes(password + "\r");
    }

    @Test
    @DisplayName("aux 0 with no tty lines is line 1; RING is answered with ATA")
    void answersRing() {
        start(CONFIG);
        modem.ring();
        until(() -> modem.commands().contains("ATA"));
        until(() -> state() == LineState.LOGIN);
        assertEquals(1, status().calls());
    }

    @Test
    @DisplayName("callback forced-wait 5: the dial string goes to the modem only after 5 s of line time")
    void forcedWait() {
        start(CONFIG);
        loginAs("austin-01", "austin01pw");
        until(() -> modem.commands().stream().anyMatch(c -> c.startsWith("ATDT")));
        assertTrue(modem.timeOf("ATDT") - modem.timeOf("ATH1") >= Duration.ofSeconds(5).toNanos(),
                "ATDT after the forced wait");
        assertEquals(List.of("ATA", "ATH0", "ATH1", "AT", "ATDT 84001"), modem.commands());
        until(() -> state() == LineState.EXEC);
        until(() -> !sessions.isEmpty());
        assertEquals(List.of("austin-01@84001"), List.copyOf(sessions));
        assertTrue(debug.contains("callback: TTY1 Callback forced wait = 5 seconds"));
    }

    @Test
    @DisplayName("a callback that never connects fails after the script's TIMEOUT 45, is counted, and the line is idle again")
    void callbackTimeout() {
        start(CONFIG);
        modem.dialOutcome(ScriptedModem.DialOutcome.SILENCE);
        loginAs("austin-01", "austin01pw");
        until(() -> modem.commands().stream().anyMatch(c -> c.startsWith("ATDT")));
        until(() -> status().failedCallbacks() == 1);
        assertTrue(modem.timeOfAfter("ATH0", "ATDT") - modem.timeOf("ATDT") >= Duration.ofSeconds(45).toNanos(),
                "the line gives up (ATH0) only after the script's 45 s");
        until(() -> state() == LineState.IDLE);
        assertEquals("ATH0", modem.commands().getLast(), "the modem is put back on hook");
        assertTrue(debug.contains("chat: CHAT1: Timeout expecting: CONNECT"), debug::toString);
        assertEquals(List.of(), List.copyOf(sessions));
        modem.dialOutcome(ScriptedModem.DialOutcome.CONNECT);
        modem.ring();
        until(() -> state() == LineState.LOGIN);
    }

    @Test
    @DisplayName("a user without callback-dialstring gets the EXEC session on the incoming call; NO CARRIER ends it")
    void plainUser() {
        start(CONFIG);
        loginAs("plain", "plainpw");
        until(() -> state() == LineState.EXEC);
        until(() -> !sessions.isEmpty());
        assertEquals(List.of("plain@async"), List.copyOf(sessions));
        until(() -> modem.screen().endsWith("maui-nas-04>"));
        modem.dropCarrier();
        until(() -> state() == LineState.IDLE);
        assertEquals("ATH0", modem.commands().getLast());
        assertEquals(0, status().callbacks());
    }

    @Test
    @DisplayName("a caller who hangs up at the login prompt: the line knows the carrier is gone and only puts the modem on hook")
    void callerHangsUpDuringLogin() {
        start(CONFIG);
        modem.ring();
        until(() -> modem.screen().endsWith("Username: "));
        modem.dropCarrier();
        until(() -> state() == LineState.IDLE && modem.commands().getLast().endsWith("ATH0"));
        assertTrue(modem.commands().stream().noneMatch(c -> c.contains("+++")), "no escape sequence after NO CARRIER");
    }

    @Test
    @DisplayName("without service exec-callback a callback user just gets EXEC")
    void serviceOff() {
        start(CONFIG.replace("service exec-callback\n", ""));
        loginAs("austin-01", "austin01pw");
        until(() -> state() == LineState.EXEC);
        until(() -> !sessions.isEmpty());
        assertEquals(List.of("austin-01@async"), List.copyOf(sessions));
        assertFalse(modem.screen().contains("Callback initiated"));
    }

    @Test
    @DisplayName("the caller's Return inside the wake-up window gives the lower-case prompt; silence gives Username:")
    void wakeUpPrompt() {
        start(CONFIG);
        modem.ring();
        until(() -> state() == LineState.LOGIN);
        modem.callerTypes("\r");
        until(() -> modem.screen().endsWith("username: "));
        assertEquals("\r\nusername: ", modem.screen());
    }

    @Test
    @DisplayName("an empty or non-numeric Callback Dialstring ends the call without a callback")
    void badDialstring() {
        start(CONFIG);
        loginAs("austin-02", "austin02pw");
        until(() -> modem.screen().endsWith("Callback Dialstring: "));
        modem.callerTypes("call me\r");
        until(() -> state() == LineState.IDLE);
        assertTrue(modem.screen().contains("% Invalid callback dialstring"));
        assertFalse(modem.commands().stream().anyMatch(c -> c.startsWith("ATDT")));
    }

    @Test
    @DisplayName("no answer to Username: within 30 s: timeout message and hang-up")
    void loginTimeout() {
        start(CONFIG);
        modem.ring();
        until(() -> modem.screen().endsWith("Username: "));
        until(() -> modem.screen().contains("% Username:  timeout expired!"));
        until(() -> state() == LineState.IDLE);
    }

    @Test
    @DisplayName("exec-timeout 0 30: an EXEC session idle for 30 s ends and the line hangs up")
    void execTimeout() {
        start(CONFIG.replace(" device /dev/scripted\n", " device /dev/scripted\n exec-timeout 0 30\n"));
        loginAs("plain", "plainpw");
        until(() -> state() == LineState.EXEC);
        long began = time.nanoTime();
        until(() -> state() == LineState.IDLE);
        assertTrue(time.nanoTime() - began >= Duration.ofSeconds(30).toNanos());
        assertEquals("ATH0", modem.commands().getLast());
        assertTrue(debug.contains("modem: TTY1: exec-timeout expired, line reset"), debug::toString);
    }

    @Test
    @DisplayName("start-chat runs a chat script on an idle line with the given dial string")
    void startChat() throws Exception {
        start(CONFIG);
        ModemLineService.StartChat sc = service.startChat("r.p", -1, "5551234");
        ModemLineService.StartChat.Started st = assertInstanceOf(ModemLineService.StartChat.Started.class, sc);
        until(st.result()::isDone);
        assertEquals(new org.tollgate.lines.chat.ChatResult.Success(), st.result().get());
        assertEquals(List.of("AT", "ATDT 5551234"), modem.commands());
        assertInstanceOf(ModemLineService.StartChat.NoSuchScript.class, service.startChat("nope", -1, ""));
        assertInstanceOf(ModemLineService.StartChat.NoSuchLine.class, service.startChat("rtp", 5, ""));
        until(() -> state() == LineState.IDLE);
    }

    @Test
    @DisplayName("clear line ends an EXEC session and hangs up")
    void clearLine() {
        start(CONFIG);
        loginAs("plain", "plainpw");
        until(() -> state() == LineState.EXEC);
        assertTrue(service.clear(1));
        assertFalse(service.clear(7), "not a modem line");
        until(() -> state() == LineState.IDLE);
        assertEquals("ATH0", modem.commands().getLast());
    }
}
