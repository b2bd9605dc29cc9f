package org.tollgate.lines.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.time.ManualClock;

/** Secure telnet spec, "tndconnect command line". */
class ConnectorOptionsTest {
    @Test
    @DisplayName("defaults: -file tndconnect.log, -port 23, -target localhost, target port 23, idle 30 minutes")
    void defaults() {
        ConnectorOptions o = assertInstanceOf(ConnectorOptions.Ok.class,
                ConnectorOptions.parse(new String[] {"-host", "relay.example", "-password", "cisco"})).options();
        assertEquals(Path.of("tndconnect.log"), o.file());
        assertEquals(23, o.port());
        assertEquals("localhost", o.target());
        assertEquals(23, o.targetPort());
        assertEquals(Duration.ofMinutes(30), o.idle());
        assertFalse(o.verbose());
        assertFalse(o.noecho());
        assertFalse(o.toString().contains("cisco"), "the password never appears in the options' text");
    }

    @Test
    @DisplayName("the seed's example command line parses")
    void seedExample() {
        ConnectorOptions o = assertInstanceOf(ConnectorOptions.Ok.class, ConnectorOptions.parse(
                "-host relayservername -password cisco -file connect.log -port 80 -verbose -noecho".split(" "))).options();
        assertEquals("relayservername", o.host());
        assertEquals(80, o.port());
        assertEquals(Path.of("connect.log"), o.file());
        assertTrue(o.verbose() && o.noecho());
    }

    @Test
    @DisplayName("-host and -password are required; the password has at least 4 characters")
    void required() {
        assertInstanceOf(ConnectorOptions.Invalid.class, ConnectorOptions.parse(new String[] {"-password", "cisco"}));
        assertInstanceOf(ConnectorOptions.Invalid.class, ConnectorOptions.parse(new String[] {"-host", "r"}));
        assertInstanceOf(ConnectorOptions.Invalid.class, ConnectorOptions.parse(new String[] {"-host", "r", "-password", "abc"}));
        assertInstanceOf(ConnectorOptions.Invalid.class, ConnectorOptions.parse(new String[] {"-host", "r", "-password", "abcd", "-port", "x"}));
        assertInstanceOf(ConnectorOptions.Invalid.class, ConnectorOptions.parse(new String[] {"-host", "r", "-password", "abcd", "-bogus"}));
        assertInstanceOf(ConnectorOptions.Invalid.class, ConnectorOptions.parse(new String[] {"-host", "r", "-password", "abcd", "-hostkey", "MD5:x"}));
    }

    @Test
    @DisplayName("/? lists all options (exit 0); a bad command line prints the list and exits 2")
    void help() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(0, TndConnect.run(new String[] {"/?"}, new ManualClock(), o, e));
        for (String opt : new String[] {"-host", "-password", "-file", "-port", "-verbose", "-target", "-noecho", "-targetport"}) {
            assertTrue(out.toString(StandardCharsets.UTF_8).contains(opt), opt);
        }
        assertEquals(2, TndConnect.run(new String[] {"-host", "r"}, new ManualClock(), o, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("-password is required"));
    }
}
