package org.tollgate.harness.modem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.lines.tty.JSerialCommLine;
import org.tollgate.lines.tty.LineInput;
import org.tollgate.lines.tty.LineScheduler;
import org.tollgate.lines.tty.SerialSettings;

class PtyModemTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    @DisplayName("two emulated modems on socat ptys: a terminal dials the other, both see CONNECT, text crosses, +++/ATH hangs up")
    void dialOverPtys() throws Exception {
        try (ModemBench bench = new ModemBench(dir);
             PtyModem a = bench.modemOnPty("84001");
             PtyModem b = bench.modemOnPty("55555");
             PtyTerminal ta = new PtyTerminal(a.devicePath());
             PtyTerminal tb = new PtyTerminal(b.devicePath())) {
            tb.type("ats0=1\r");
            tb.await("OK\r\n", LIMIT);
            ta.type("atdt 55555\r");
            ta.await("CONNECT\r\n", LIMIT);
            tb.await("CONNECT\r\n", LIMIT);
            ta.type("hello");
            tb.await("hello", LIMIT);
            Thread.sleep(1100); // the modem's escape guard time is real time on ptys
            ta.type("+++");
            ta.await("OK\r\n", LIMIT);
            ta.type("ATH\r");
            tb.await("NO CARRIER\r\n", LIMIT);
            assertEquals("ats0=1\r\r\nOK\r\n\r\nRING\r\n\r\nCONNECT\r\nhello\r\nNO CARRIER\r\n", tb.text());
            assertEquals(List.of("ats0=1", "OK", "", "RING", "", "CONNECT", "hello", "NO CARRIER"),
                    TerminalScreen.render(tb.transcript()));
        }
    }

    @Test
    @DisplayName("the gateway's jSerialComm line opens the pty by path and talks AT to the emulated modem")
    void jSerialCommOnPty() throws Exception {
        try (ModemBench bench = new ModemBench(dir);
             PtyModem m = bench.modemOnPty("55555");
             JSerialCommLine line = JSerialCommLine.open(new SerialSettings(m.devicePath().toString(), 38400,
                     SerialSettings.FlowControl.HARDWARE, false));
             LineInput in = new LineInput(LineScheduler.system())) {
            in.startReading(line);
            line.write("ATE0\r".getBytes(StandardCharsets.US_ASCII));
            StringBuilder got = new StringBuilder();
            while (!got.toString().endsWith("OK\r\n")) {
                int c = in.read(LIMIT);
                if (c < 0) {
                    break;
                }
                got.append((char) c);
            }
            assertEquals("ATE0\r\r\nOK\r\n", got.toString());
            assertEquals(List.of("E0"), m.modem().commandLog());
        }
    }
}
