package org.tollgate.harness.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.tollgate.config.ConfigParser;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.ParseResult;
import org.tollgate.config.cli.BuiltinCommands;
import org.tollgate.config.cli.CliEnvironment;
import org.tollgate.config.cli.CommandRegistry;
import org.tollgate.config.cli.CommandTree;
import org.tollgate.config.cli.ConfigHolder;
import org.tollgate.config.cli.DebugBus;
import org.tollgate.config.cli.StartupConfig;
import org.tollgate.config.cli.VersionInfo;
import org.tollgate.harness.modem.ModemBench;
import org.tollgate.harness.modem.PtyModem;
import org.tollgate.harness.modem.PtyTerminal;
import org.tollgate.harness.modem.TerminalScreen;
import org.tollgate.lines.callback.CliExecLauncher;
import org.tollgate.lines.callback.ModemLineCommands;
import org.tollgate.lines.callback.ModemLineService;
import org.tollgate.lines.callback.ModemLineSpec;
import org.tollgate.lines.callback.ModemLineStatus;
import org.tollgate.lines.exec.LineTable;

/**
 * issue 9, "Done when": the two client dialogues of the EXEC-callback spec, reproduced against
 * {@code examples/exec-callback.cfg} (plus only a {@code device} line under {@code line aux 0}) with the
 * gateway's aux line opened through jSerialComm on a socat pseudo-terminal, an emulated Hayes modem on the
 * other side, and the client's HyperTerminal played by a test terminal on a second emulated modem.
 *
 * <p>Each dialogue is checked twice: the exact bytes the client's terminal received, and the screen those
 * bytes draw compared with the spec's dialogue. The spec (like the seed's PDF text) does not show the blank
 * lines a Hayes modem's {@code CR LF result CR LF} framing draws between consecutive result codes, so the
 * screen comparison leaves blank lines out, and the exact byte check pins down every line break.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExecCallbackOverModemsTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);
    /** {@code line 65 70} precede {@code aux 0}, so aux 0 is line 71. */
    private static final int AUX = 71;

    private Path dir;
    private ModemBench bench;
    private PtyModem nasModem;
    private PtyModem pcModem;
    private PtyModem busyPhone;
    private PtyTerminal pc;
    private ModemLineService service;
    private final List<String> debug = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    void startGatewayLine() throws Exception {
        dir = Files.createTempDirectory("exec-callback");
        bench = new ModemBench(dir);
        nasModem = bench.modemOnPty("55555");
        pcModem = bench.modemOnPty("84001");
        busyPhone = bench.modemOnPty("84002");
        pc = new PtyTerminal(pcModem.devicePath());

        String example = Files.readString(examples().resolve("exec-callback.cfg"));
        GatewayConfig base = ok(ConfigParser.parse("exec-callback.cfg", example));
        GatewayConfig config = ok(ConfigParser.apply(base, "test",
                "line aux 0\n device " + nasModem.devicePath() + " speed 38400\n"));

        ConfigHolder holder = new ConfigHolder(config);
        DebugBus bus = new DebugBus(Clock.systemUTC());
        LineTable table = new LineTable(Clock.systemUTC());
        CliEnvironment env = new CliEnvironment(holder, bus, Clock.systemUTC(), new MemoryStartup(),
                new VersionInfo("0.1.0", Instant.now(), "exec-callback.cfg"), table);
        CommandTree[] tree = new CommandTree[1];
        service = ModemLineService.builder(holder::get)
                .launcher(new CliExecLauncher(() -> env, () -> tree[0], () -> table))
                .debug((category, line) -> {
                    debug.add(category + ": " + line);
                    bus.emit(category, line);
                })
                .build();
        CommandRegistry registry = new CommandRegistry();
        new ModemLineCommands(service).register(registry);
        new BuiltinCommands().register(registry);
        tree[0] = registry.build();
        List<ModemLineSpec.Problem> problems = service.start();
        assertEquals(List.of(), problems);
        awaitLine(ModemLineStatus.LineState.IDLE);
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.stop();
        }
        if (pc != null) {
            pc.close();
        }
        if (bench != null) {
            bench.close();
        }
    }

    @BeforeEach
    void freshScreen() throws Exception {
        awaitLine(ModemLineStatus.LineState.IDLE);
        pc.clear();
        debug.clear();
    }

    private static GatewayConfig ok(ParseResult r) {
        return assertInstanceOf(ParseResult.Ok.class, r, () -> r.toString()).config();
    }

    private static Path examples() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("examples"))) {
            p = p.getParent();
        }
        assertTrue(p != null, "examples/ directory above the working directory");
        return p.resolve("examples");
    }

    private void awaitLine(ModemLineStatus.LineState state) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (service.status(AUX).map(ModemLineStatus::state).orElse(null) != state) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("line " + AUX + " not " + state + ": " + service.status(AUX));
            }
            Thread.sleep(20); // synchronisation with the line thread, not a timing assertion
        }
    }

    private ModemLineStatus line() {
        return service.status(AUX).orElseThrow();
    }

    private static List<String> withoutBlankLines(List<String> lines) {
        return lines.stream().filter(l -> !l.isEmpty()).toList();
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\n", -1));
    }

    /** Hangs up from the client's side: back to command mode and ATH, as a HyperTerminal user would. */
    private void endSessionWithExit() throws Exception {
        pc.type("exit\r");
        pc.await("NO CARRIER\r\n", LIMIT);
        awaitLine(ModemLineStatus.LineState.IDLE);
    }

    /** The PC's modem: auto-answer on (for the callback), then dials the gateway's modem line. */
    private void autoAnswerAndDial() throws Exception {
        pc.type("ats0=1\r");
        pc.await("OK\r\n", LIMIT);
        dialTheGateway();
    }

    /** The PC's modem dials the gateway's modem line and waits for CONNECT. */
    private void dialTheGateway() throws Exception {
        pc.type("atdt 55555\r");
        pc.await("CONNECT\r\n", LIMIT);
    }

    /** Answers the line's {@code Username:} and {@code password:} prompts. */
    private void logIn(String user, String password) throws Exception {
        pc.await("Username: ", LIMIT);
        pc.type(user + "\r");
        pc.await("password: ", LIMIT);
        pc.type(password + "\r");
    }

    @Test
    @Order(1)
    @DisplayName("scenario 1: callback without verification to the fixed number 84001, byte for byte")
    void noVerifyCallback() throws Exception {
        long callbacks = line().callbacks();
        autoAnswerAndDial();
        pc.type("\r"); // the seed's blank line: the caller presses Return after CONNECT
        pc.await("username: ", LIMIT);
        pc.type("austin-01\r");
        pc.await("password: ", LIMIT);
        pc.type("austin01pw\r");
        pc.await("Callback initiated - line is disconnected\r\n", LIMIT);
        pc.await("NO CARRIER\r\n", LIMIT);
        pc.await("RING\r\n", LIMIT);
        pc.await("CONNECT\r\n", LIMIT);
        pc.await("maui-nas-04>", LIMIT);

        String expectedBytes = ""
                + "ats0=1\r" + "\r\nOK\r\n"                       // ats0=1 / OK
                + "atdt 55555\r" + "\r\nCONNECT\r\n"              // atdt 55555 / CONNECT
                + "\r\n"                                           // (blank line: the echoed Return)
                + "username: " + "austin-01" + "\r\n"             // username: austin-01
                + "password: " + "\r\n"                           // password:
                + "Callback initiated - line is disconnected\r\n"
                + "\r\nNO CARRIER\r\n"
                + "\r\nRING\r\n"
                + "\r\nCONNECT\r\n"
                + "\r\n" + "maui-nas-04>";                         // the EXEC session's prompt
        assertEquals(PtyTerminal.escape(expectedBytes), PtyTerminal.escape(pc.text()));

        List<String> spec = lines("""
                ats0=1
                OK
                atdt 55555
                CONNECT

                username: austin-01
                password:
                Callback initiated - line is disconnected
                NO CARRIER
                RING
                CONNECT
                maui-nas-04>""");
        List<String> screen = TerminalScreen.render(pc.transcript());
        assertEquals(withoutBlankLines(spec), withoutBlankLines(screen));
        assertEquals("", screen.get(screen.indexOf("CONNECT") + 1), "a blank line follows the first CONNECT");

        assertEquals(callbacks + 1, line().callbacks());
        assertEquals(ModemLineStatus.LineState.EXEC, line().state());
        assertEquals(Optional.of("austin-01"), line().user());
        assertEquals("84001", line().location());
        assertTrue(debug.contains("chat: CHAT71: Sending string: ATDT \\T<84001>"), debug::toString);
        assertTrue(debug.contains("chat: CHAT71: Completed match for expect: CONNECT"), debug::toString);
        assertTrue(debug.contains("callback: TTY71 Callback process initiated, user: austin-01 dialstring 84001"),
                debug::toString);
        assertTrue(debug.contains("callback: TTY71 Callback forced wait = 5 seconds"), debug::toString);

        // the session is the operator CLI: show line lists this line in EXEC for austin-01
        pc.type("show line\r");
        pc.await("maui-nas-04>", LIMIT);
        String shown = pc.text().substring(expectedBytes.length());
        assertTrue(shown.matches("(?s).*\\s71 AUX\\s+38400/38400\\s+inout\\s+EXEC\\s+austin-01\\s+1\\s+1\\s+0\\s+0.*"),
                PtyTerminal.escape(shown));
        // and show users lists the modem line with its user and the callback number
        int before = pc.text().length();
        pc.type("show users\r");
        pc.await("maui-nas-04>", LIMIT);
        String users = pc.text().substring(before);
        assertTrue(users.matches("(?s).*71 aux 0\\s+austin-01\\s.*84001.*"), PtyTerminal.escape(users));
        endSessionWithExit();
    }

    @Test
    @Order(2)
    @DisplayName("scenario 2: callback to a typed number with verification, byte for byte")
    void verifiedCallbackToTypedNumber() throws Exception {
        autoAnswerAndDial();
        logIn("austin-02", "austin02pw");
        pc.await("Callback Dialstring: ", LIMIT);
        pc.type("84001\r");
        pc.await("Callback initiated - line is disconnected\r\n", LIMIT);
        pc.await("NO CARRIER\r\n", LIMIT);
        pc.await("RING\r\n", LIMIT);
        pc.await("CONNECT\r\n", LIMIT);
        logIn("austin-02", "austin02pw");
        pc.await("maui-nas-04>", LIMIT);

        String expectedBytes = ""
                + "ats0=1\r" + "\r\nOK\r\n"
                + "atdt 55555\r" + "\r\nCONNECT\r\n"
                + "Username: " + "austin-02" + "\r\n"
                + "password: " + "\r\n"
                + "Callback Dialstring: " + "84001" + "\r\n"
                + "Callback initiated - line is disconnected\r\n"
                + "\r\nNO CARRIER\r\n"
                + "\r\nRING\r\n"
                + "\r\nCONNECT\r\n"
                + "Username: " + "austin-02" + "\r\n"
                + "password: " + "\r\n"
                + "\r\n" + "maui-nas-04>";
        assertEquals(PtyTerminal.escape(expectedBytes), PtyTerminal.escape(pc.text()));

        List<String> spec = lines("""
                ats0=1
                OK
                atdt 55555
                CONNECT
                Username: austin-02
                password:
                Callback Dialstring: 84001
                Callback initiated - line is disconnected
                NO CARRIER
                RING
                CONNECT
                Username: austin-02
                password:
                maui-nas-04>""");
        List<String> screen = TerminalScreen.render(pc.transcript());
        assertEquals(withoutBlankLines(spec), withoutBlankLines(screen));
        assertEquals("Username: austin-02", screen.get(screen.indexOf("CONNECT") + 1),
                "no blank line after the first CONNECT");
        assertEquals(Optional.of("austin-02"), line().user());
        endSessionWithExit();
    }

    @Test
    @Order(3)
    @DisplayName("a busy callback number: logged and counted, no RING for the caller, line ready for the next call")
    void busyCallbackNumber() throws Exception {
        busyPhone.modem().fromDte("ATH1\r".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        long failed = line().failedCallbacks();
        autoAnswerAndDial();
        logIn("austin-02", "austin02pw");
        pc.await("Callback Dialstring: ", LIMIT);
        pc.type("84002\r");
        pc.await("NO CARRIER\r\n", LIMIT);
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (line().failedCallbacks() == failed && System.nanoTime() < deadline) {
            Thread.sleep(20); // synchronisation with the line thread
        }
        assertEquals(failed + 1, line().failedCallbacks());
        awaitLine(ModemLineStatus.LineState.IDLE);
        assertTrue(debug.contains("chat: CHAT71: Matched abort string: BUSY"), debug::toString);
        assertTrue(debug.contains("callback: TTY71 Callback failed: Abort string BUSY received"), debug::toString);
        assertTrue(!pc.text().contains("RING"), "the caller is not called back");
        busyPhone.modem().fromDte("ATH0\r".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        // the line answers the next call
        dialTheGateway();
        pc.await("Username: ", LIMIT);
        assertEquals(ModemLineStatus.LineState.LOGIN, line().state());
        pc.type("nobody\r");
        pc.await("password: ", LIMIT);
        pc.type("x\r");
        pc.await("% Login invalid", LIMIT);
        pc.type("nobody\r");
        pc.await("password: ", LIMIT);
        pc.type("x\r");
        pc.await("% Login invalid", LIMIT);
        pc.type("nobody\r");
        pc.await("password: ", LIMIT);
        pc.type("x\r");
        pc.await("NO CARRIER\r\n", LIMIT);
    }

    @Test
    @Order(4)
    @DisplayName("a wrong password: % Login invalid, a new Username: prompt, three failures hang up")
    void wrongPassword() throws Exception {
        long failures = line().loginFailures();
        long callbacks = line().callbacks();
        dialTheGateway();
        pc.await("Username: ", LIMIT);
        for (int i = 0; i < 3; i++) {
            pc.type("austin-01\r");
            pc.await("password: ", LIMIT);
            pc.type("not-the-password\r");
        }
        pc.await("NO CARRIER\r\n", LIMIT);
        List<String> screen = withoutBlankLines(TerminalScreen.render(pc.transcript()));
        assertEquals(List.of("atdt 55555", "CONNECT",
                "Username: austin-01", "password:", "% Login invalid",
                "Username: austin-01", "password:", "% Login invalid",
                "Username: austin-01", "password:", "% Login invalid",
                "NO CARRIER"), screen);
        awaitLine(ModemLineStatus.LineState.IDLE);
        assertEquals(failures + 3, line().loginFailures());
        assertEquals(callbacks, line().callbacks(), "no callback for a failed login");
    }

    private static final class MemoryStartup implements StartupConfig {
        private String text;

        @Override
        public synchronized Optional<String> read() throws IOException {
            return Optional.ofNullable(text);
        }

        @Override
        public synchronized void write(String t) throws IOException {
            text = t;
        }

        @Override
        public String location() {
            return "memory:";
        }
    }
}
