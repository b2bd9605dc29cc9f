package org.tollgate.lines.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.config.ConfigParser;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.ParseResult;
import org.tollgate.lines.tty.SerialSettings;

class ModemLineSpecTest {

    private static GatewayConfig example(String extra) throws Exception {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(p.resolve("examples"))) {
            p = p.getParent();
        }
        GatewayConfig base = ((ParseResult.Ok) ConfigParser.parse("exec-callback.cfg",
                Files.readString(p.resolve("examples/exec-callback.cfg")))).config();
        ParseResult r = ConfigParser.apply(base, "test", extra);
        return assertInstanceOf(ParseResult.Ok.class, r, r::toString).config();
    }

    @Test
    @DisplayName("the example's aux 0 with a device: line 71 (after line 65 70), scripts parsed, forced wait 5 s, hardware flow")
    void exampleAux() throws Exception {
        ModemLineSpec.Specs specs = ModemLineSpec.from(example("line aux 0\n device /dev/ttyS9 speed 38400\n"));
        assertEquals(1, specs.lines().size());
        ModemLineSpec s = specs.lines().getFirst();
        assertEquals(71, s.number());
        assertEquals("aux 0", s.name());
        assertEquals("TTY71", s.ttyTag());
        assertEquals(new SerialSettings("/dev/ttyS9", 38400, SerialSettings.FlowControl.HARDWARE, false), s.serial());
        assertEquals("rtp", s.callbackScript().orElseThrow().name());
        assertEquals("offhook", s.offHookScript().orElseThrow().name());
        assertEquals(Duration.ofSeconds(5), s.forcedWait());
        assertTrue(s.execCallback());
        assertTrue(s.loginLocal());
        assertEquals("maui-nas-04", s.hostname());
    }

    @Test
    @DisplayName("the device binding is printed back under its line by show running-config")
    void devicePrinted() throws Exception {
        String printed = org.tollgate.config.ConfigPrinter.print(example("line aux 0\n device /dev/ttyS9 speed 38400\n"));
        int aux = printed.indexOf("line aux 0");
        assertTrue(aux >= 0, printed);
        int next = printed.indexOf("\nline ", aux + 1);
        String block = printed.substring(aux, next < 0 ? printed.length() : next);
        assertTrue(block.contains("\n device /dev/ttyS9 speed 38400"), block);
    }

    @Test
    @DisplayName("lines without a device are not modem lines")
    void noDevice() throws Exception {
        assertEquals(0, ModemLineSpec.from(example("")).lines().size());
    }
}
