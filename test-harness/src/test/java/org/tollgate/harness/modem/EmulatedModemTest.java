package org.tollgate.harness.modem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.lines.tty.ManualLineScheduler;

class EmulatedModemTest {

    private final ManualLineScheduler time = new ManualLineScheduler();
    private final TelephoneNetwork net = new TelephoneNetwork(time, time.clock());
    private final EmulatedModem a = net.modem("84001");
    private final EmulatedModem b = net.modem("55555");
    private final ByteArrayOutputStream aOut = new ByteArrayOutputStream();
    private final ByteArrayOutputStream bOut = new ByteArrayOutputStream();

    EmulatedModemTest() {
        a.attach(aOut::writeBytes);
        b.attach(bOut::writeBytes);
    }

    private static String take(ByteArrayOutputStream out) {
        String s = out.toString(StandardCharsets.ISO_8859_1);
        out.reset();
        return s;
    }

    private static void type(EmulatedModem m, String s) {
        m.fromDte(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    @DisplayName("command mode echoes the typed line and answers OK in verbose form")
    void echoAndOk() {
        type(a, "ats0=1\r");
        assertEquals("ats0=1\r\r\nOK\r\n", take(aOut));
        assertEquals(1, a.register(0));
    }

    @Test
    @DisplayName("ATE0 stops the echo; ATV0 gives numeric results; ATQ1 silences them")
    void echoVerboseQuiet() {
        type(a, "ATE0\r");
        assertEquals("ATE0\r\r\nOK\r\n", take(aOut), "the command itself is still echoed");
        type(a, "AT\r");
        assertEquals("\r\nOK\r\n", take(aOut));
        type(a, "ATV0\r");
        assertEquals("0\r", take(aOut));
        type(a, "ATQ1\r");
        type(a, "AT\r");
        assertEquals("", take(aOut));
        type(a, "ATZ\r");
        assertEquals("\r\nOK\r\n", take(aOut), "ATZ (typed without echo) restores the results");
        type(a, "AT\r");
        assertEquals("AT\r\r\nOK\r\n", take(aOut), "and the echo");
    }

    @Test
    @DisplayName("unknown commands and lines not starting with AT give ERROR")
    void errors() {
        type(a, "ATW\r");
        assertEquals("ATW\r\r\nERROR\r\n", take(aOut));
        type(a, "hello\r");
        assertEquals("hello\r\r\nERROR\r\n", take(aOut));
    }

    @Test
    @DisplayName("ATDT rings the far modem; ATS0=1 auto-answers after one RING; both say CONNECT; data passes")
    void dialRingAutoAnswer() {
        type(b, "ATS0=1\r");
        take(bOut);
        type(a, "atdt 55555\r");
        assertEquals("atdt 55555\r\r\nCONNECT\r\n", take(aOut));
        assertEquals("\r\nRING\r\n\r\nCONNECT\r\n", take(bOut));
        type(a, "hello");
        assertEquals("hello", take(bOut));
        assertEquals("", take(aOut), "no echo in data mode");
    }

    @Test
    @DisplayName("without auto-answer the modem rings every 6 s until ATA answers")
    void ringCadenceAndAta() {
        type(a, "ATDP55555\r");
        assertEquals("\r\nRING\r\n", take(bOut));
        time.advance(Duration.ofSeconds(6));
        assertEquals("\r\nRING\r\n", take(bOut));
        type(b, "ATA\r");
        assertEquals("ATA\r\r\nCONNECT\r\n", take(bOut));
        assertEquals(EmulatedModem.State.ONLINE, a.state());
    }

    @Test
    @DisplayName("no answer within S7 seconds: the caller gets NO CARRIER")
    void noAnswer() {
        type(a, "ATS7=10DT55555\r");
        take(aOut);
        time.advance(Duration.ofSeconds(10));
        assertEquals("\r\nNO CARRIER\r\n", take(aOut));
        assertEquals(EmulatedModem.State.IDLE, b.state());
    }

    @Test
    @DisplayName("a key pressed while dialling aborts the call: NO CARRIER, and the far modem stops ringing")
    void keyAbortsDial() {
        type(a, "ATDT55555\r");
        take(bOut);
        type(a, "x");
        assertEquals("ATDT55555\r\r\nNO CARRIER\r\n", take(aOut));
        assertEquals(EmulatedModem.State.IDLE, b.state());
        time.advance(Duration.ofSeconds(12));
        assertEquals("", take(bOut));
    }

    @Test
    @DisplayName("an off-hook (ATH1) number is BUSY; an unplugged modem gets NO DIALTONE")
    void busyAndNoDialtone() {
        type(b, "ATH1\r");
        type(a, "ATDT55555\r");
        assertEquals("ATDT55555\r\r\nBUSY\r\n", take(aOut));
        a.setPluggedIn(false);
        type(a, "ATDT55555\r");
        assertEquals("ATDT55555\r\r\nNO DIALTONE\r\n", take(aOut));
    }

    @Test
    @DisplayName("+++ with guard time enters online-command mode without reaching the far end; ATH hangs up; far end gets NO CARRIER")
    void escapeAndHangup() {
        type(b, "ATS0=1\r");
        type(a, "ATDT55555\r");
        take(aOut);
        take(bOut);
        time.advance(Duration.ofSeconds(1));
        type(b, "+++");
        time.advance(Duration.ofMillis(999));
        assertEquals("", take(bOut));
        time.advance(Duration.ofMillis(1));
        assertEquals("\r\nOK\r\n", take(bOut));
        assertEquals("", take(aOut), "the escape characters are not passed on");
        type(b, "ATH0\r");
        assertEquals("ATH0\r\r\nOK\r\n", take(bOut));
        assertEquals("\r\nNO CARRIER\r\n", take(aOut));
        assertEquals(EmulatedModem.State.IDLE, a.state());
    }

    @Test
    @DisplayName("+++ without the guard time before it is data, passed to the far end")
    void plusWithoutGuardIsData() {
        type(b, "ATS0=1\r");
        type(a, "ATDT55555\r");
        take(aOut);
        take(bOut);
        type(b, "x+++");
        time.advance(Duration.ofSeconds(2));
        assertEquals("x+++", take(aOut));
        assertEquals("", take(bOut));
        type(b, "y");
        assertEquals("y", take(aOut));
    }

    @Test
    @DisplayName("ATO returns from online-command mode to data mode")
    void backOnline() {
        type(b, "ATS0=1\r");
        type(a, "ATDT55555\r");
        time.advance(Duration.ofSeconds(1));
        type(a, "+++");
        time.advance(Duration.ofSeconds(1));
        take(aOut);
        type(a, "ATO\r");
        assertEquals("ATO\r\r\nCONNECT\r\n", take(aOut));
        take(bOut);
        type(a, "z");
        assertEquals("z", take(bOut));
    }
}
