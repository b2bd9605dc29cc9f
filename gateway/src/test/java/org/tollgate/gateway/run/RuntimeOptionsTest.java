package org.tollgate.gateway.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RuntimeOptionsTest {

    @Test
    @DisplayName("defaults: data dir ./data, telnet 2323, SSH 2222, no HTTP, console on")
    void defaults() {
        RuntimeOptions o = assertInstanceOf(RuntimeOptions.Parsed.Ok.class,
                RuntimeOptions.parse(new String[] {"--config", "x.cfg"})).options();
        assertEquals(Path.of("x.cfg"), o.config());
        assertEquals(Path.of("data"), o.dataDir());
        assertEquals(RuntimeOptions.DEFAULT_TELNET_PORT, o.telnetPort());
        assertEquals(RuntimeOptions.DEFAULT_SSH_PORT, o.sshPort());
        assertTrue(o.httpPort().isEmpty());
        assertTrue(o.console());
    }

    @Test
    @DisplayName("every flag, in both --flag value and --flag=value forms")
    void allFlags() {
        RuntimeOptions o = assertInstanceOf(RuntimeOptions.Parsed.Ok.class, RuntimeOptions.parse(new String[] {
                "--config=c.cfg", "--data-dir", "/tmp/d", "--sip-address", "10.0.0.1", "--sip-port=5070",
                "--telnet-port", "0", "--ssh-port", "2200", "--http-port=9100", "--no-console"})).options();
        assertEquals(Path.of("/tmp/d"), o.dataDir());
        assertEquals("10.0.0.1", o.sipAddress().orElseThrow());
        assertEquals(5070, o.sipPort().getAsInt());
        assertEquals(0, o.telnetPort());
        assertEquals(2200, o.sshPort());
        assertEquals(9100, o.httpPort().getAsInt());
        assertFalse(o.console());
    }

    @Test
    @DisplayName("usage errors: missing --config, unknown flag, bad port, missing value")
    void errors() {
        assertInstanceOf(RuntimeOptions.Parsed.Error.class, RuntimeOptions.parse(new String[] {}));
        assertInstanceOf(RuntimeOptions.Parsed.Error.class, RuntimeOptions.parse(new String[] {"--config", "a", "--bogus"}));
        assertInstanceOf(RuntimeOptions.Parsed.Error.class, RuntimeOptions.parse(new String[] {"--config", "a", "--ssh-port", "70000"}));
        assertInstanceOf(RuntimeOptions.Parsed.Error.class, RuntimeOptions.parse(new String[] {"--config"}));
    }
}
